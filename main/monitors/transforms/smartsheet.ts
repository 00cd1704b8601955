import { nameAndDisplayRecords, type CardLike, type PyDict } from './card.js';
import { hashedKey, type MessageDraft, type RowIssue } from './drafts.js';
import { epochMicros, fromIsoFormat, fromTimestamp, strptime, PyOverflowError, PyValueError, type PyDateTime } from './py-datetime.js';
import { numericValue, pyIntStr, pyStr, pyStrip, pyTruthy } from './py-values.js';
import { smartsheetRecipient } from './recipients.js';
import type { SmartsheetTable } from './smartsheet-tables.js';

/** Field conversions of the smartsheet syncs (spec §7.5), ported from v1 value by value. */

/** `_stringify`: None → '', else `str(value).strip()`. */
export function sheetText(value: unknown): string {
  return value === null || value === undefined ? '' : pyStrip(pyStr(value));
}

/** Multi-text: a list item by item (dict items keep their `text`), a string split on 、,，;；/ and newlines. */
export function sheetMultiText(value: unknown): Array<{ text: unknown }> {
  if (Array.isArray(value)) {
    const items: Array<{ text: unknown }> = [];
    for (const item of value) {
      const text = item !== null && typeof item === 'object' && !Array.isArray(item) && !(item instanceof Number) ? ((item as Record<string, unknown>).text ?? '') : sheetText(item);
      if (pyTruthy(text)) items.push({ text });
    }
    return items;
  }
  const text = sheetText(value);
  if (!text) return [];
  const cleaned = text.split(/[\n,，、;；/]+/).map(pyStrip).filter(Boolean);
  return cleaned.length > 0 ? cleaned.map((part) => ({ text: part })) : [{ text }];
}

const PY_FLOAT = /^[+-]?(?:(?:\d(?:_?\d)*)(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?$/;
const PY_FLOAT_WORD = /^[+-]?(?:inf|infinity|nan)$/i;

/** Python `float(text)`; undefined where it raised ValueError. */
export function pyFloat(text: string): number | undefined {
  const t = pyStrip(text);
  if (PY_FLOAT.test(t)) return Number(t.replaceAll('_', ''));
  if (PY_FLOAT_WORD.test(t)) {
    const negative = t.startsWith('-');
    if (/nan/i.test(t)) return Number.NaN;
    return negative ? -Infinity : Infinity;
  }
  return undefined;
}

/** Numeric: commas dropped, integral values as integers, invalid → undefined (field omitted). */
export function sheetNumber(value: unknown): number | undefined {
  if (value === null || value === undefined) return undefined;
  let number: number | undefined;
  if (typeof value === 'boolean') number = value ? 1 : 0;
  else number = numericValue(value) ?? (() => {
    const text = sheetText(value).replaceAll(',', '');
    return text ? pyFloat(text) : undefined;
  })();
  return number;
}

const NAIVE_FORMATS = ['%Y-%m-%d %H:%M:%S', '%Y-%m-%d %H:%M', '%Y-%m-%d', '%Y/%m/%d %H:%M:%S', '%Y/%m/%d'];

/** v1's fallback formats (naive local time), first match wins. */
function naiveFormats(text: string): PyDateTime | undefined {
  for (const format of NAIVE_FORMATS) {
    try {
      return strptime(text, format);
    } catch (err) {
      if (!(err instanceof PyValueError)) throw err;
    }
  }
  return undefined;
}

/** Datetime: epoch milliseconds as a string; naive values are Asia/Shanghai; undefined if unparsable. */
export function sheetDateTime(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  const text = sheetText(value).replaceAll(',', '');
  if (!text) return undefined;
  let us: number;
  if (/^-?\d+(?:\.\d+)?$/.test(text)) {
    const number = Number(text);
    us = fromTimestamp(Math.abs(number) >= 1e12 ? number / 1000 : number);
  } else {
    try {
      us = epochMicros(fromIsoFormat(text.replaceAll('Z', '+00:00')), 'shanghai');
    } catch (err) {
      if (!(err instanceof PyValueError)) throw err;
      const parsed = naiveFormats(text);
      if (!parsed) return undefined;
      us = epochMicros(parsed, 'shanghai');
    }
  }
  return pyIntStr(Math.trunc((us / 1e6) * 1000));
}

/** `_get_record_value`: the source column if present and not None/'', else the label's column. */
export function sheetSource(record: PyDict, table: SmartsheetTable, fieldId: string): unknown {
  for (const column of [table.sources[fieldId] ?? '', table.schema[fieldId] ?? '']) {
    if (!column) continue;
    const value = record.get(column);
    if (value !== null && value !== undefined && value !== '') return value;
  }
  return null;
}

export interface SheetValues {
  values: Record<string, unknown>;
  /** Fields v1 accepted but whose JSON v1 could never post (inf/nan). */
  unpostable: string[];
  /** Numeric or date fields with a value that is neither (left out, as v1 did). */
  unreadable: string[];
}

/** The `values` of one `add_records` entry. Throws PyOverflowError where v1's run aborted. */
export function sheetValues(record: PyDict, table: SmartsheetTable): SheetValues {
  const values: Record<string, unknown> = {};
  const unpostable: string[] = [];
  const unreadable: string[] = [];
  for (const fieldId of Object.keys(table.schema)) {
    const raw = sheetSource(record, table, fieldId);
    if (table.multiText.includes(fieldId)) {
      const items = sheetMultiText(raw);
      if (items.length > 0) values[fieldId] = items;
    } else if (table.numeric.includes(fieldId)) {
      const number = sheetNumber(raw);
      if (number === undefined) {
        if (sheetText(raw)) unreadable.push(fieldId);
        continue;
      }
      if (!Number.isFinite(number)) unpostable.push(fieldId);
      values[fieldId] = number;
    } else if (table.datetime.includes(fieldId)) {
      const ms = sheetDateTime(raw);
      if (ms) values[fieldId] = ms;
      else if (sheetText(raw)) unreadable.push(fieldId);
    } else {
      const text = sheetText(raw);
      if (text) values[fieldId] = text;
    }
  }
  return { values, unpostable, unreadable };
}

export function sheetIdentityKey(record: PyDict, table: SmartsheetTable): string {
  const parts = table.identity.map((key) => sheetText(Object.hasOwn(table.schema, key) ? sheetSource(record, table, key) : record.get(key)));
  return `${table.dedupePrefix}::${hashedKey(parts)}`;
}

/** v1's fallback column names when a card carries no column metadata. */
export function sheetFallbackColumns(table: SmartsheetTable): string[] {
  return [...new Set([...Object.values(table.sources), ...Object.values(table.schema)].map(sheetText).filter(Boolean))];
}

export interface SheetDraft extends MessageDraft {
  row: number;
  unpostable: string[];
  unreadable: string[];
}

export interface SheetResult {
  drafts: SheetDraft[];
  /** Rows without a primary value. */
  skipped: RowIssue[];
  /** The row whose date v1 could not even represent (v1's run aborted there). */
  overflow?: RowIssue;
}

/** One `add_records` message per row with a primary value, in card order. */
export function sheetDrafts(card: CardLike, table: SmartsheetTable): SheetResult {
  const result: SheetResult = { drafts: [], skipped: [] };
  const records = nameAndDisplayRecords(card, sheetFallbackColumns(table));
  for (const [row, record] of records.entries()) {
    let built: SheetValues;
    try {
      built = sheetValues(record, table);
    } catch (err) {
      if (!(err instanceof PyOverflowError)) throw err;
      result.overflow = { row, message: err.message };
      continue;
    }
    if (!pyTruthy(built.values[table.primary])) {
      result.skipped.push({ row, column: table.sources[table.primary] || table.schema[table.primary], message: 'no primary value' });
      continue;
    }
    result.drafts.push({
      row,
      unpostable: built.unpostable,
      unreadable: built.unreadable,
      businessType: `smartsheet.${table.table}`,
      businessId: sheetIdentityKey(record, table),
      recipient: smartsheetRecipient(table.table),
      content: { kind: 'smartsheet', payload: { schema: { ...table.schema }, add_records: [{ values: built.values }] } },
      metadata: { primaryValue: sheetText(sheetSource(record, table, table.primary)) },
    });
  }
  return result;
}
