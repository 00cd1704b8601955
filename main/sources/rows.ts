import { HeraldError } from '../shared/errors.js';
import type { CardResult } from './types.js';
import { describeRow, describeSource, describeSourceCapitalised, sourceContext, type SourceRef } from './source-ref.js';
import { isBlank, parseIntValue, parseIsoDateTime, parseNumberValue, type CardDateTime, type NaivePolicy } from './values.js';

/**
 * Typed, checked access to a card's rows — the generic layer the job-specific mappings build on.
 * Columns are found by `name` and, failing that, by `display_name` (Metabase names a nested JSON
 * column by its path and displays its bare name, spec §2.1). Every failure is a HeraldError that
 * names the card (or file), the row (from 1) and the column, so a run fails with a sentence a
 * person can act on — and, thrown before anything is written, leaves the store untouched.
 */
export class CardRows implements Iterable<RowReader> {
  readonly columns: readonly string[];
  private readonly index = new Map<string, number>();

  constructor(
    readonly result: CardResult,
    readonly source: SourceRef = {},
  ) {
    this.columns = result.cols.map((c) => c.name);
    result.cols.forEach((c, i) => {
      if (c.name && !this.index.has(c.name)) this.index.set(c.name, i);
    });
    result.cols.forEach((c, i) => {
      if (c.display_name && !this.index.has(c.display_name)) this.index.set(c.display_name, i);
    });
  }

  /**
   * Reads the rows by position under the job's own column list, ignoring the card's names — how
   * v1's legacy jobs read cards 1712, 719 and 980. A card narrower than the list is refused.
   */
  static positional(result: CardResult, declared: readonly string[], source: SourceRef = {}): CardRows {
    if (result.rows.length > 0 && result.cols.length > 0 && result.cols.length < declared.length) {
      const missing = declared.slice(result.cols.length);
      throw new HeraldError(
        'SOURCE_MISSING_COLUMN',
        `${describeSourceCapitalised(source)} returns ${result.cols.length} columns, but the job reads ${declared.length} by position (missing: ${missing.join(', ')}).`,
        { ...sourceContext(source), column: missing[0], columns: result.cols.length, expected: declared.length },
      );
    }
    const cols = declared.map((name) => ({ name }));
    for (let i = declared.length; i < result.cols.length; i += 1) cols.push({ name: result.cols[i]!.name });
    return new CardRows({ cols, rows: result.rows }, source);
  }

  get length(): number {
    return this.result.rows.length;
  }

  hasColumn(name: string): boolean {
    return this.index.has(name);
  }

  columnIndex(name: string): number | undefined {
    return this.index.get(name);
  }

  /** Checks up front that every column the job needs is there, naming all that are not. */
  requireColumns(names: readonly string[]): this {
    const missing = names.filter((n) => !this.index.has(n));
    if (missing.length) {
      const list = missing.map((n) => `"${n}"`).join(', ');
      throw new HeraldError(
        'SOURCE_MISSING_COLUMN',
        `${describeSourceCapitalised(this.source)} has no column ${list} (it has: ${this.columns.join(', ') || 'no columns'}).`,
        { ...sourceContext(this.source), column: missing[0], missing: missing.join(', ') },
      );
    }
    return this;
  }

  row(index: number): RowReader {
    const values = this.result.rows[index];
    if (!values) throw new RangeError(`No row ${index} in ${describeSource(this.source)}`);
    if (!Array.isArray(values)) {
      throw new HeraldError('SOURCE_BAD_ROW', `${describeSourceCapitalised(this.source)}, ${describeRow(this.source, index)} is not a list of values.`, {
        ...sourceContext(this.source),
        row: index + 1,
      });
    }
    return new RowReader(this, index, values);
  }

  *[Symbol.iterator](): Iterator<RowReader> {
    for (let i = 0; i < this.result.rows.length; i += 1) yield this.row(i);
  }

  /** Every row as an object keyed by column name and, where it differs, display name (§7.5). */
  records(): Array<Record<string, unknown>> {
    return this.result.rows.map((row) => cardRecord(this.result.cols, row));
  }
}

/**
 * One row as v1's smartsheet parser built it: `record[name] = value`, then the display name only if
 * not taken; columns beyond the row's length are absent (Python's `zip`).
 */
export function cardRecord(cols: CardResult['cols'], row: readonly unknown[]): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  const n = Math.min(cols.length, row.length);
  for (let i = 0; i < n; i += 1) {
    const { name, display_name: display } = cols[i]!;
    if (name) record[name] = row[i];
    if (display && display !== name && !Object.hasOwn(record, display)) record[display] = row[i];
  }
  return record;
}

type Problem = 'missing' | 'invalid';

/** A row of a CardRows; getters throw a HeraldError naming card, row and column. */
export class RowReader {
  constructor(
    private readonly table: CardRows,
    /** 0-based position in the card's rows. */
    readonly index: number,
    readonly values: readonly unknown[],
  ) {}

  /** The row number a person would say: 1 for the first row. */
  get rowNumber(): number {
    return this.index + 1;
  }

  /** The cell as the card returned it; a column the card lacks is an error, a short row gives null. */
  raw(column: string): unknown {
    const i = this.table.columnIndex(column);
    if (i === undefined) this.table.requireColumns([column]);
    return this.values[i!] ?? null;
  }

  isBlank(column: string): boolean {
    return isBlank(this.raw(column));
  }

  /** Text: strings as they are (an empty string included), numbers and booleans as written. */
  string(column: string): string {
    const value = this.raw(column);
    if (value === null) this.fail(column, 'missing', value, 'text');
    return this.asString(column, value);
  }

  optionalString(column: string): string | null {
    const value = this.raw(column);
    return value === null ? null : this.asString(column, value);
  }

  number(column: string, options: { thousands?: boolean } = {}): number {
    return this.required(column, 'a number', (v) => parseNumberValue(v, options));
  }

  optionalNumber(column: string, options: { thousands?: boolean } = {}): number | null {
    return this.optional(column, 'a number', (v) => parseNumberValue(v, options));
  }

  int(column: string): number {
    return this.required(column, 'a whole number', parseIntValue);
  }

  optionalInt(column: string): number | null {
    return this.optional(column, 'a whole number', parseIntValue);
  }

  datetime(column: string, naive: NaivePolicy = 'reject'): CardDateTime {
    return this.required(column, expectedDateTime(naive), (v) => parseIsoDateTime(v, naive));
  }

  optionalDatetime(column: string, naive: NaivePolicy = 'reject'): CardDateTime | null {
    return this.optional(column, expectedDateTime(naive), (v) => parseIsoDateTime(v, naive));
  }

  /** The row keyed by column name and display name. */
  record(): Record<string, unknown> {
    return cardRecord(this.table.result.cols, this.values);
  }

  private asString(column: string, value: unknown): string {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    return this.fail(column, 'invalid', value, 'text');
  }

  private required<T>(column: string, expected: string, parse: (v: unknown) => T | undefined): T {
    const value = this.raw(column);
    if (isBlank(value)) this.fail(column, 'missing', value, expected);
    const parsed = parse(value);
    return parsed === undefined ? this.fail(column, 'invalid', value, expected) : parsed;
  }

  private optional<T>(column: string, expected: string, parse: (v: unknown) => T | undefined): T | null {
    const value = this.raw(column);
    if (isBlank(value)) return null;
    const parsed = parse(value);
    return parsed === undefined ? this.fail(column, 'invalid', value, expected) : parsed;
  }

  private fail(column: string, problem: Problem, value: unknown, expected: string): never {
    const source = this.table.source;
    const where = `${describeSourceCapitalised(source)}, ${describeRow(source, this.index)}, column "${column}"`;
    const shown = showValue(value);
    const message = problem === 'missing' ? `${where}: the value is missing (expected ${expected}).` : `${where}: ${shown} is not ${expected}.`;
    throw new HeraldError(problem === 'missing' ? 'SOURCE_VALUE_MISSING' : 'SOURCE_VALUE_INVALID', message, {
      ...sourceContext(source),
      row: this.rowNumber,
      ...(source.lines?.[this.index] !== undefined ? { line: source.lines[this.index] } : {}),
      column,
      value: shown,
    });
  }
}

function expectedDateTime(naive: NaivePolicy): string {
  return naive === 'reject' ? 'a date-time with an offset (e.g. 2026-10-26T16:24:58.280+08:00)' : 'a date-time (e.g. 2026-10-26T16:24:58)';
}

function showValue(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
