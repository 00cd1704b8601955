import type { PyNum, PyValue } from './py.js';
import { commaFormat, groupInt, parsePyFloat, pyStr, round2, sub } from './py.js';

/**
 * The number and rate texts of v1's messages (spec §3.9). Legacy messages read the ledger CSV, so
 * they see strings; the new architecture passes numbers or strings.
 */

/** Python's `s.replace('.', '', 1).isdigit()` (ASCII digits; the string is not stripped first). */
function digitsWithOneDot(s: string): boolean {
  const once = s.replace('.', '');
  return once.length > 0 && /^\d+$/.test(once);
}

/** v1 `preprocess_amount`: digits with at most one dot → `int(float(s))` grouped; anything else `0`. */
export function legacyAmount(s: string): string {
  if (!s.trim() || !digitsWithOneDot(s)) return '0';
  return groupInt(Number(s));
}

/** v1 `preprocess_rate`: ≥ 1 → `100%`, else the truncated percentage; invalid → `-`. */
export function legacyRate(s: string): string {
  if (!s.trim() || !digitsWithOneDot(s)) return '-';
  const rate = Number(s);
  return rate >= 1 ? '100%' : `${Math.trunc(rate * 100)}%`;
}

/** Python's `float(x)` for a record value; `null` where Python raises (None, unparsable text). */
export function valueToFloat(value: PyValue | undefined): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') return parsePyFloat(value);
  return value.v;
}

/** New-architecture `_format_amount`: `int(float(x))` grouped (negatives allowed), invalid → `0`. */
export function newArchAmount(value: PyValue | undefined): string {
  const n = valueToFloat(value);
  return n === null ? '0' : groupInt(n);
}

/** New-architecture rate: `preprocess_rate(str(x))`. */
export function newArchRate(value: PyValue | undefined): string {
  return legacyRate(value === undefined ? '' : pyStr(value));
}

/** The gap text number: Python `round(threshold - amount, 2)` with thousands grouping. */
export function gapNumber(threshold: PyNum, amount: PyNum): string {
  return commaFormat(round2(sub(threshold, amount)));
}

/** `str(x)` as f-strings print record values (`{record["活动期内第几个合同"]}`); absent → empty. */
export function text(value: PyValue | undefined): string {
  return value === undefined ? '' : pyStr(value);
}
