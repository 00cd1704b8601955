/**
 * Parsers for single card values, shaped after what v1's Python accepted: `float()` for amounts,
 * `int()` for codes, `datetime.fromisoformat` (with any number of fractional digits) for times.
 * They return `undefined` instead of throwing so that callers can name the card, row and column.
 */

/** A point in time read from a card, with the offset it was written in (v1 keeps it for display). */
export interface CardDateTime {
  epochMs: number;
  /** 0–999999, as Python's `datetime.microsecond` (digits beyond the sixth are dropped). */
  microsecond: number;
  /** Minutes east of UTC as written; `null` when the text had none and a naive policy applied. */
  offsetMinutes: number | null;
  text: string;
}

/** What a datetime without an offset means: an error (default), UTC (card 2085) or Beijing time. */
export type NaivePolicy = 'reject' | 'utc' | 'Asia/Shanghai';

const FLOAT_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const INT_TEXT = /^[+-]?\d+$/;

/** An empty cell: null, a missing key, or text with nothing but spaces (a CSV round trip's null). */
export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/**
 * Python's `float(value)` for numbers and numeric text, optionally without thousands separators.
 * `nan` and `inf`, which Python would accept, are refused: no amount is meant to be one.
 */
export function parseNumberValue(value: unknown, options: { thousands?: boolean } = {}): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  let text = value.trim();
  if (options.thousands) text = text.replace(/,/g, '');
  if (!FLOAT_TEXT.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/** Python's `int(value)` for integral numbers and digit strings ("5.0" is refused, as in Python). */
export function parseIntValue(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (!INT_TEXT.test(text)) return undefined;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : undefined;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const SHANGHAI_OFFSET_MIN = 480;

function offsetOf(zone: string): number | undefined {
  if (zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  if (hours > 23 || minutes > 59) return undefined;
  return sign * (hours * 60 + minutes);
}

/**
 * ISO 8601 date-times as Metabase writes them: `2026-10-26T16:24:58.280Z`,
 * `2025-05-22T09:35:03.325454+08:00`, `…+0800`; a space instead of `T`; fractional seconds of any
 * length (v1's sources vary between 1 and 6 digits); a bare date means midnight.
 */
export function parseIsoDateTime(value: unknown, naive: NaivePolicy = 'reject'): CardDateTime | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const m = ISO.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = m;
  const parts = [Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s)] as const;
  const [year, month, day, hour, minute, second] = parts;
  const local = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(local);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) {
    return undefined;
  }
  let offsetMinutes: number | null;
  let applied: number;
  if (zone) {
    const off = offsetOf(zone);
    if (off === undefined) return undefined;
    offsetMinutes = off;
    applied = off;
  } else if (naive === 'reject') {
    return undefined;
  } else {
    offsetMinutes = null;
    applied = naive === 'utc' ? 0 : SHANGHAI_OFFSET_MIN;
  }
  const microsecond = Number(frac.slice(0, 6).padEnd(6, '0'));
  return { epochMs: local - applied * 60_000 + Math.floor(microsecond / 1000), microsecond, offsetMinutes, text };
}
