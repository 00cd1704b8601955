import { fieldCaseless, looseRecords, type CardLike, type PyDict } from './card.js';
import { sha256Hex, type MessageDraft, type RowIssue } from './drafts.js';
import { epochMicros, fromIsoFormat, strftime, toShanghai } from './py-datetime.js';
import { pyJsonDumps, pyStr, pyStrip, pyTruthy } from './py-values.js';

/**
 * Housekeeper offline broadcast (spec §7.4): card 2085's events within the lookback window, one
 * message each, identified by the SHA-256 of the positional row as v1 serialised it
 * (`json.dumps(row, ensure_ascii=False, sort_keys=True, default=str)`).
 */

/** The fixture column order of card 2085 (the fingerprint hashes values in this order). */
export const OFFLINE_COLUMNS = ['eventId', 'createTime', 'createUserName', '动作'] as const;

/** v1 `_normalize_text`: lists joined with `、` (blank items dropped), other values stripped. */
export function normalizeText(value: unknown): string {
  if (Array.isArray(value)) return value.map((item) => pyStrip(pyStr(item))).filter(Boolean).join('、');
  return pyStrip(pyTruthy(value) ? pyStr(value) : '');
}

/** The event time in µs since the epoch (naive = UTC), or null where v1 found none. */
export function eventTimeMicros(value: unknown): number | null {
  const text = normalizeText(value);
  if (!text) return null;
  try {
    const parsed = fromIsoFormat(text.replaceAll('Z', '+00:00'));
    return epochMicros(parsed, 'utc');
  } catch {
    return null;
  }
}

export function offlineFingerprint(raw: readonly unknown[]): string {
  return sha256Hex(pyJsonDumps(raw, { sortKeys: true }));
}

export function offlineText(name: string, operation: string, eventUs: number): string {
  return `管家【${name}】于【${strftime(toShanghai(eventUs), '%Y-%m-%d %H:%M:%S')}】【${operation}】了。`;
}

function operationOf(fields: PyDict): string {
  const primary = fieldCaseless(fields, 'operation');
  return normalizeText(pyTruthy(primary) ? primary : fieldCaseless(fields, '动作'));
}

export interface OfflineResult {
  drafts: MessageDraft[];
  valid: number;
  stale: number;
  invalid: RowIssue[];
}

/** Every valid, recent event of the card as a draft (in card order). */
export function offlineDrafts(card: CardLike, nowUs: number, lookbackMinutes: number, recipient: string): OfflineResult {
  const cutoff = nowUs - Math.max(1, Math.trunc(lookbackMinutes)) * 60_000_000;
  const result: OfflineResult = { drafts: [], valid: 0, stale: 0, invalid: [] };
  looseRecords(card).forEach(({ raw, fields }, row) => {
    const name = normalizeText(fieldCaseless(fields, 'createUserName'));
    const operation = operationOf(fields);
    const eventUs = eventTimeMicros(fieldCaseless(fields, 'createTime'));
    if (!name || !operation || eventUs === null) {
      const column = !name ? 'createUserName' : !operation ? 'operation/动作' : 'createTime';
      result.invalid.push({ row, column, message: `event without ${column}` });
      return;
    }
    if (eventUs < cutoff) {
      result.stale++;
      return;
    }
    result.valid++;
    const fingerprint = offlineFingerprint(raw);
    result.drafts.push({
      businessType: 'housekeeper.offline',
      businessId: fingerprint,
      recipient,
      content: { kind: 'text', text: offlineText(name, operation, eventUs) },
      metadata: { source: 'metabase_card_2085' },
    });
  });
  return result;
}
