import { pyStrip } from './py-values.js';

/**
 * A Metabase card answer as the transforms see it (structurally the sources' CardResult): column
 * metadata and positional rows. The helpers build v1's three row shapes: `dict(zip(names, row))`
 * (SLA), name + display_name records (smartsheet), and case-insensitive lookups over name,
 * display_name and field_ref (housekeeper offline).
 */
export interface CardColumnLike {
  name: string;
  display_name?: string;
  field_ref?: unknown;
}

export interface CardLike {
  cols: CardColumnLike[];
  rows: unknown[][];
}

/** A row as a Python dict: insertion-ordered, with "missing key" distinct from null. */
export type PyDict = Map<string, unknown>;

/** `dict(zip(names, row))` with names from the card's columns, or `fallback` when it has none. */
export function zipRecords(card: CardLike, fallback: readonly string[]): PyDict[] {
  const names = card.cols.length > 0 ? card.cols.map((c) => c.name) : fallback;
  return card.rows.map((row) => {
    const record: PyDict = new Map();
    const width = Math.min(names.length, Array.isArray(row) ? row.length : 0);
    for (let i = 0; i < width; i++) record.set(names[i] ?? '', row[i]);
    return record;
  });
}

/** Records keyed by column `name` and, when different, `display_name` (first one wins). */
export function nameAndDisplayRecords(card: CardLike, fallback: readonly string[]): PyDict[] {
  if (card.cols.length === 0) return zipRecords(card, fallback);
  return card.rows.map((row) => {
    const record: PyDict = new Map();
    const width = Math.min(card.cols.length, Array.isArray(row) ? row.length : 0);
    for (let i = 0; i < width; i++) {
      const col = card.cols[i];
      const value = row[i];
      if (col?.name) record.set(col.name, value);
      if (col?.display_name && col.display_name !== col.name && !record.has(col.display_name)) record.set(col.display_name, value);
    }
    return record;
  });
}

export interface LooseRecord {
  /** The positional row as Metabase returned it (fingerprints hash this). */
  raw: unknown[];
  fields: PyDict;
}

function looseKeys(col: CardColumnLike | undefined, index: number): string[] {
  const keys: string[] = [];
  for (const key of [col?.name, col?.display_name, col?.field_ref]) {
    if (typeof key === 'string' && pyStrip(key) && !keys.includes(key)) keys.push(pyStrip(key));
  }
  return keys.length > 0 ? keys : [`column_${index}`];
}

/** Every value under each of its column's names (name, display_name, field_ref). */
export function looseRecords(card: CardLike): LooseRecord[] {
  return card.rows.map((row) => {
    const raw = Array.isArray(row) ? [...row] : [];
    const fields: PyDict = new Map();
    raw.forEach((value, index) => {
      for (const key of looseKeys(card.cols[index], index)) fields.set(key, value);
    });
    return { raw, fields };
  });
}

/** The first field whose key equals `name` case-insensitively (Python casefold); null if none. */
export function fieldCaseless(record: PyDict, name: string): unknown {
  const target = name.toLowerCase();
  for (const [key, value] of record) if (key.toLowerCase() === target) return value;
  return null;
}

/** The column names a card is missing (exact names). */
export function missingColumns(card: CardLike, required: readonly string[]): string[] {
  if (card.cols.length === 0) return [];
  const present = new Set(card.cols.flatMap((c) => [c.name, c.display_name].filter((n): n is string => Boolean(n))));
  return required.filter((name) => !present.has(name));
}
