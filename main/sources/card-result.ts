import { HeraldError } from '../shared/errors.js';
import type { CardColumn, CardResult } from './types.js';
import { describeSourceCapitalised, sourceContext, type SourceRef } from './source-ref.js';

/**
 * Builds and checks CardResults: from a Metabase answer (`{data: {cols, rows}}`), from a snapshot
 * (`{cols, rows}`), and from the row objects the fixtures and exports hold. Shared by the client,
 * the importers and the fake server, so all three agree on the shape.
 */

/** Is this a Metabase answer or a snapshot rather than a list of rows? */
export function looksLikeCardResult(value: unknown): boolean {
  if (!isObject(value)) return false;
  const inner = isObject(value.data) ? value.data : value;
  return Array.isArray(inner.cols) && Array.isArray(inner.rows);
}

/**
 * Checks a Metabase answer or a snapshot and keeps what Herald uses of it (column name and display
 * name, positional rows); a missing `data`, `cols` or `rows`, or a row that is not a list, is a
 * `code` error naming the source.
 */
export function toCardResult(value: unknown, source: SourceRef, code = 'SOURCE_BAD_RESPONSE'): CardResult {
  const fail = (what: string, extra: Record<string, string | number> = {}): never => {
    throw new HeraldError(code, `${describeSourceCapitalised(source)} ${source.file ? 'holds' : 'answered with'} no usable rows: ${what}.`, { ...sourceContext(source), ...extra });
  };
  if (!isObject(value)) return fail('the answer is not a JSON object');
  const data = 'data' in value ? value.data : 'cols' in value || 'rows' in value ? value : undefined;
  if (!isObject(data)) return fail('"data" is missing');
  if (!Array.isArray(data.cols)) return fail('"data.cols" is missing');
  if (!Array.isArray(data.rows)) return fail('"data.rows" is missing');
  const cols: CardColumn[] = data.cols.map((col: unknown, i: number) => {
    if (!isObject(col) || typeof col.name !== 'string') return fail(`column ${i + 1} has no name`, { column: i + 1 });
    // base_type tells a float column (`type/Float`) from an integer one: JSON's `0.0` arrives as 0.
    return {
      name: col.name,
      ...(typeof col.display_name === 'string' ? { display_name: col.display_name } : {}),
      ...(typeof col.base_type === 'string' ? { base_type: col.base_type } : {}),
    };
  });
  const rows = data.rows as unknown[];
  for (let i = 0; i < rows.length; i += 1) {
    if (!Array.isArray(rows[i])) fail(`row ${i + 1} is not a list of values`, { row: i + 1 });
  }
  return { cols, rows: rows as unknown[][] };
}

/**
 * Row objects → CardResult, as the monitors fixtures describe: the declared columns first, then keys
 * not declared in order of first appearance; a key an object lacks is null (a card always returns
 * every column).
 */
export function objectsToCardResult(objects: ReadonlyArray<Record<string, unknown>>, declared: readonly string[] = []): CardResult {
  const names = [...declared];
  const seen = new Set(names);
  for (const object of objects) {
    for (const key of Object.keys(object)) {
      if (!seen.has(key)) {
        seen.add(key);
        names.push(key);
      }
    }
  }
  return {
    cols: names.map((name) => ({ name })),
    rows: objects.map((object) => names.map((name) => (Object.hasOwn(object, name) ? object[name] : null))),
  };
}

/**
 * Positional rows → CardResult under a declared column list; positions beyond it are named by
 * their 0-based index, as `row[5]` reads in v1's code. Short rows are padded with null.
 */
export function arraysToCardResult(rows: ReadonlyArray<readonly unknown[]>, declared: readonly string[] = []): CardResult {
  const width = Math.max(declared.length, ...rows.map((r) => r.length));
  const cols = Array.from({ length: width }, (_, i) => ({ name: declared[i] ?? String(i) }));
  return { cols, rows: rows.map((r) => (r.length === width ? [...r] : [...r, ...Array<null>(width - r.length).fill(null)])) };
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
