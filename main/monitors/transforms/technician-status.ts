import { epochMicros, strftime, strptime } from './py-datetime.js';
import { isPyInt, numericValue, pyFloatRepr, pyStr, pyTruthy } from './py-values.js';

/**
 * Technician (housekeeper) status change, card 719, v1.0.1 (spec §7.1, §12.6): the text sent to
 * the WeChat contact named like the company and to the default webhook.
 */

/** Card 719 is positional: id, change time, technician, company, (unused), update content. */
export const TECHNICIAN_COLUMNS = ['id', 'changeTime', 'technician', 'company', 'unused', 'content'] as const;

/** Thrown where v1's loop raised (short row, time not `%Y-%m-%dT%H:%M:%S.%f%z`, content not indexable). */
export class TechnicianRowError extends Error {
  constructor(readonly column: string, message: string) {
    super(message);
  }
}

/**
 * `update_content[0]`: a string gives its first character (so the icon never shows for text
 * content), a list its first element; anything else v1 could not index.
 */
function firstOf(content: unknown): unknown {
  if (!pyTruthy(content)) return '';
  if (typeof content === 'string') return [...content][0];
  if (Array.isArray(content)) return content[0];
  throw new TechnicianRowError('content', `update content ${pyStr(content)} cannot be indexed`);
}

export interface TechnicianChange {
  id: unknown;
  company: unknown;
  text: string;
  /** The change time in µs since the epoch (for ordering and history). */
  changedUs: number;
}

/** One row → its change; throws TechnicianRowError where v1 raised. */
export function technicianChange(row: unknown): TechnicianChange {
  if (!Array.isArray(row) || row.length < 6) throw new TechnicianRowError('row', `row has ${Array.isArray(row) ? row.length : 0} of the 6 positional columns`);
  const [id, time, name, company, , content] = row as [unknown, unknown, unknown, unknown, unknown, unknown];
  if (typeof time !== 'string') throw new TechnicianRowError('changeTime', `change time ${pyStr(time)} is not text`);
  let parsed;
  try {
    parsed = strptime(time, '%Y-%m-%dT%H:%M:%S.%f%z');
  } catch (err) {
    throw new TechnicianRowError('changeTime', `change time ${time} does not match %Y-%m-%dT%H:%M:%S.%f%z (${(err as Error).message})`);
  }
  const status = firstOf(content);
  const icon = status === '上线' ? '🟢' : status === '下线' ? '🔴' : '';
  return {
    id,
    company,
    text: `您好，公司的管家：${pyStr(name)}，在${strftime(parsed, '%Y-%m-%d %H:%M')} ${icon} ${pyStr(content)} 了。`,
    changedUs: epochMicros(parsed, 'utc'),
  };
}

/**
 * The key v1's state file stored for an id (`json.dump` turns dict keys into text), or undefined
 * for ids v1 could not use as a key at all (lists, objects).
 */
export function statusFileKey(id: unknown): string | undefined {
  if (typeof id === 'string') return id;
  if (id === null || id === undefined) return 'null';
  if (typeof id === 'boolean') return id ? 'true' : 'false';
  const number = numericValue(id);
  if (number !== undefined) return isPyInt(id) ? pyStr(id) : pyFloatRepr(number);
  return undefined;
}

/**
 * Whether v1 would find the id among the stored keys: the file's keys are text, so only a text id
 * can ever match — numeric ids were notified again on every poll (v1 quirk, `matchNumericIds` fixes).
 */
export function alreadyNotified(id: unknown, storedKeys: ReadonlySet<string>, matchNumericIds: boolean): boolean {
  if (typeof id === 'string') return storedKeys.has(id);
  if (!matchNumericIds) return false;
  const key = statusFileKey(id);
  return key !== undefined && storedKeys.has(key);
}
