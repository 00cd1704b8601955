import { isPyInt } from '../transforms/py-values.js';
import { HeraldError } from '../../shared/errors.js';

/**
 * Binds a card value the way v1's `sqlite3` did: Python ints as INTEGER (BigInt here — better-sqlite3
 * binds every JS number as REAL), floats as REAL, text as TEXT, None as NULL. A TEXT column then
 * stores the same text v1 read back (`5`, `36.0`, `1.0e+20`). Lists and objects cannot be bound.
 */
export type SqlParam = string | number | bigint | null;

export function isBindable(value: unknown): boolean {
  return value === null || value === undefined || ['string', 'number', 'boolean'].includes(typeof value) || value instanceof Number;
}

export function sqlParam(value: unknown, column: string): SqlParam {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 1n : 0n;
  if (isPyInt(value)) return BigInt(value);
  if (typeof value === 'number' || value instanceof Number) return Number(value);
  throw new HeraldError('MONITOR_UNBINDABLE_VALUE', `The value of ${column} is a list or an object and cannot be stored.`, { column });
}
