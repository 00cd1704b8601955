import { sha256Hex, type RowIssue } from './drafts.js';
import { epochMicros, fromIsoFormat, strftime, wallTime, type PyDateTime } from './py-datetime.js';
import { pyFloorDiv, pyStr, pyTruthy } from './py-values.js';

/**
 * Pending-orders reminder (spec §7.3): which rows of card 1712 are eligible (the 48-hour rule),
 * their status fingerprints, and the per-provider digest text.
 */

/** Card 1712 is read by position: these are the columns' meanings (and the fixture order). */
export const PENDING_COLUMNS = ['orderNum', 'name', 'address', 'supervisorName', 'createTime', 'orgName', 'orderstatus'] as const;

export const WAITING_STATUSES = ['待预约', '暂不上门'] as const;

/** How the digest prints creation time: 2026 UTC `MM-DD HH:MM` (spec §12.7), PC era `MM-DD`, or Shanghai time. */
export type CreateTimeDisplay = 'utc' | 'pc-era' | 'shanghai';

export interface PendingSnapshot {
  /** 0-based row in the card. */
  row: number;
  orderNum: string;
  customerName: unknown;
  address: unknown;
  supervisorName: unknown;
  createTime: string;
  orgName: unknown;
  orderStatus: unknown;
  fingerprint: string;
  hoursElapsed: number;
}

/** v1 `_parse_iso_datetime`: a `Z` means UTC, a naive time is UTC. */
export function parsePendingTime(value: string): PyDateTime {
  const parsed = fromIsoFormat(value.includes('+') ? value : value.replaceAll('Z', '+00:00'));
  return parsed.offsetUs === null ? { ...parsed, offsetUs: 0 } : parsed;
}

/** Python `value or ""`. */
const orEmpty = (value: unknown): unknown => (pyTruthy(value) ? value : '');

/** Python `needle in haystack` for the status check; undefined where Python raised TypeError. */
function contains(haystack: unknown, needle: string): boolean | undefined {
  if (typeof haystack === 'string') return haystack.includes(needle);
  if (Array.isArray(haystack)) return haystack.some((item) => item === needle);
  if (haystack !== null && typeof haystack === 'object' && !(haystack instanceof Number)) return Object.hasOwn(haystack, needle);
  return undefined;
}

/**
 * The eligible snapshots in card order, and the rows v1 skipped with a warning (too short, no
 * parsable create time, status not text). A waiting status younger than `minAgeHours` is left out.
 */
export function pendingSnapshots(rows: readonly unknown[][], nowUs: number, minAgeHours = 48): { snapshots: PendingSnapshot[]; skipped: RowIssue[] } {
  const snapshots: PendingSnapshot[] = [];
  const skipped: RowIssue[] = [];
  rows.forEach((row, index) => {
    if (!Array.isArray(row) || row.length < 7) {
      skipped.push({ row: index, message: `row has ${Array.isArray(row) ? row.length : 0} of the 7 positional columns` });
      return;
    }
    const createTime = row[4];
    if (typeof createTime !== 'string') {
      skipped.push({ row: index, column: 'createTime', message: `create time ${pyStr(createTime)} is not text` });
      return;
    }
    let createdUs: number;
    try {
      createdUs = epochMicros(parsePendingTime(createTime), 'utc');
    } catch (err) {
      skipped.push({ row: index, column: 'createTime', message: `create time ${createTime} is not a date and time (${(err as Error).message})` });
      return;
    }
    const orderStatus = orEmpty(row[6]);
    const waiting = WAITING_STATUSES.map((s) => contains(orderStatus, s));
    if (waiting.some((w) => w === undefined)) {
      skipped.push({ row: index, column: 'orderstatus', message: `status ${pyStr(orderStatus)} is not text` });
      return;
    }
    const hoursElapsed = (nowUs - createdUs) / 1e6 / 3600;
    if (waiting.some(Boolean) && hoursElapsed < minAgeHours) return;
    const orderNum = pyStr(row[0]);
    snapshots.push({
      row: index,
      orderNum,
      customerName: orEmpty(row[1]),
      address: orEmpty(row[2]),
      supervisorName: orEmpty(row[3]),
      createTime,
      orgName: orEmpty(row[5]),
      orderStatus,
      fingerprint: sha256Hex(`${orderNum}::${pyStr(orderStatus)}`),
      hoursElapsed,
    });
  });
  return { snapshots, skipped };
}

/** `_simplify_order_number`: the last 5 digits of the last digit run (spec vectors §2). */
export function simplifyOrderNumber(orderNum: unknown): string {
  if (!pyTruthy(orderNum)) return '-';
  const text = pyStr(orderNum);
  const runs = text.match(/\p{Nd}+/gu);
  const tail = runs?.at(-1);
  if (tail === undefined) return text;
  const chars = [...tail];
  return chars.length >= 5 ? chars.slice(-5).join('') : tail;
}

/** An active snapshot as stored (text columns read back from SQLite). */
export interface StoredPendingOrder {
  orderNum: string | null;
  customerName: string | null;
  address: string | null;
  supervisorName: string | null;
  createTime: string | null;
  orderStatus: string | null;
}

function formatCreated(value: string | null, display: CreateTimeDisplay): string {
  try {
    const parsed = parsePendingTime(value ?? '');
    if (display === 'pc-era') return strftime(parsed, '%m-%d');
    const offsetUs = display === 'shanghai' ? 8 * 3600 * 1_000_000 : 0;
    return strftime(wallTime(epochMicros(parsed, 'utc'), offsetUs), '%m-%d %H:%M');
  } catch {
    return value || '-';
  }
}

function retention(value: string | null, nowUs: number): string {
  try {
    const createdUs = epochMicros(parsePendingTime(value ?? ''), 'utc');
    return `${pyFloorDiv((nowUs - createdUs) / 1e6, 86400)}天`;
  } catch {
    return '未知';
  }
}

/** The digest to one provider (lines joined by `\n`, no trailing line feed). */
export function pendingDigestText(orgName: string, orders: readonly StoredPendingOrder[], nowUs: number, display: CreateTimeDisplay): string {
  const lines = [`📋 待预约工单提醒 (${orgName})`, '', `共有 ${orders.length} 个工单待预约：`, ''];
  orders.forEach((order, i) => {
    const index = String(i + 1).padStart(2, '0');
    lines.push(
      `${index}. 工单号：${simplifyOrderNumber(order.orderNum ?? '')}\n` +
        `     客户：${pyStr(order.customerName)}\n` +
        `     地址：${pyStr(order.address)}\n` +
        `     负责人：${pyStr(order.supervisorName)}\n` +
        `     创建时间：${formatCreated(order.createTime, display)}（${retention(order.createTime, nowUs)}）\n` +
        `     状态：${pyStr(order.orderStatus)}`,
    );
    if (i + 1 < orders.length) lines.push('');
  });
  lines.push('', '请及时跟进处理，如有疑问请联系运营人员。');
  return lines.join('\n');
}
