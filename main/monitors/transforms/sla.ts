import type { PyDict } from './card.js';
import { hashedKey, type MessageDraft } from './drafts.js';
import { fromIsoFormat, pyDateTimeStr, strftime, type PyDateTime, PyValueError } from './py-datetime.js';
import { compareCodePoints, pyStr, pyTruthy } from './py-values.js';
import { addDays, weekday } from '../../shared/shanghai-time.js';

/**
 * SLA monitor texts and selections (spec §7.2). Two eras:
 * - `cloud-2026` (default): violations stored under the business date (yesterday), one daily
 *   message per violation, Monday praise + weekly report over the previous seven business dates,
 *   ascending date/provider/order.
 * - `pc-era` (v1.0.1): stored under the run date, `str(datetime)` creation time, ops person named
 *   in the appeal line, weekly lines most recent day first.
 */
export type SlaSemantics = 'cloud-2026' | 'pc-era';

/** Card 1514's columns in order (v1's fallback names when the card carries no metadata). */
export const SLA_COLUMNS = [
  '_id', 'sid', 'saCreateTime', 'orderNum', 'province', 'orgName', 'supervisorName', 'sourceType', 'status', 'msg', 'memo', 'workType', 'createTime',
] as const;

export const SLA_PRAISE_TEXT = '上周无超时工单，请继续保持。👍';
export const SLA_DAILY_PRAISE_TEXT = '昨日无超时工单，请继续保持。👍';
export const SLA_BUILD_FAILED_TEXT = '消息构建失败';
const APPEAL = '说明：以上数据为服务商昨日工单超时统计，如有异议请于下周一十二点前联系';

/** Thrown where v1's message building raised (missing column, not text, unparsable time). */
export class SlaRecordError extends Error {
  constructor(readonly column: string, message: string) {
    super(message);
  }
}

function field(record: PyDict, column: string): unknown {
  if (!record.has(column)) throw new SlaRecordError(column, `column ${column} is missing`);
  return record.get(column);
}

/** `record.get(column, "")` printed with `str()`: a missing key is empty, a null is `None`. */
export function getStr(record: PyDict, column: string): string {
  return record.has(column) ? pyStr(record.get(column)) : '';
}

/** v1 2026 `_safe_parse_datetime`: Z dropped, fraction cut/padded to 6 digits, own offset kept. */
export function parseSaCreateTime(value: unknown): PyDateTime {
  if (typeof value !== 'string' && pyTruthy(value)) throw new PyValueError('saCreateTime is not text');
  const normalized = (typeof value === 'string' ? value : '').replaceAll('Z', '');
  let head: string;
  let zone: string;
  if (normalized.includes('+')) {
    const at = normalized.lastIndexOf('+');
    head = normalized.slice(0, at);
    zone = `+${normalized.slice(at + 1)}`;
  } else if (normalized.slice(19).includes('-')) {
    const at = normalized.lastIndexOf('-');
    head = normalized.slice(0, at);
    zone = `-${normalized.slice(at + 1)}`;
  } else return fromIsoFormat(normalized);
  const dot = head.indexOf('.');
  if (dot < 0) return fromIsoFormat(head + zone);
  const micros = head.slice(dot + 1).slice(0, 6).padEnd(6, '0');
  return fromIsoFormat(`${head.slice(0, dot)}.${micros}${zone}`);
}

/** The appeal contact: `运营` (2026) or `运营人员<name>` (PC era). */
export function slaContact(semantics: SlaSemantics, opsPersonName: string): string {
  return semantics === 'pc-era' ? `运营人员${opsPersonName}` : '运营';
}

/** PC era read the card back from CSV: every value text, null empty. */
export const pcText = (value: unknown): string => (value === null || value === undefined ? '' : pyStr(value));

function dailyCreated2026(record: PyDict): string {
  const value = field(record, 'saCreateTime');
  try {
    return strftime(parseSaCreateTime(value), '%Y-%m-%d %H:%M');
  } catch (err) {
    throw new SlaRecordError('saCreateTime', `saCreateTime ${pyStr(value)} is not a date and time (${(err as Error).message})`);
  }
}

/** PC era: `str(datetime.fromisoformat(saCreateTime.replace("Z", "")))`. */
function createdPcEra(record: PyDict): string {
  return pyDateTimeStr(fromIsoFormat(pcText(record.get('saCreateTime')).replaceAll('Z', '')));
}

/** One violation's daily message (no trailing line feed). */
export function slaDailyText(record: PyDict, semantics: SlaSemantics, opsPersonName: string): string {
  const contact = slaContact(semantics, opsPersonName);
  if (semantics === 'pc-era') {
    try {
      return `超时通知:\n工单编号：${pcText(record.get('orderNum'))}\n建单时间：${createdPcEra(record)}\n管家：${pcText(record.get('supervisorName'))}\n违规类型：${pcText(record.get('msg'))}\n违规描述：${pcText(record.get('memo'))}\n${APPEAL}${contact}申诉。`;
    } catch {
      return SLA_BUILD_FAILED_TEXT;
    }
  }
  const created = dailyCreated2026(record);
  const parts = ['orderNum', 'supervisorName', 'msg', 'memo'].map((c) => pyStr(field(record, c)));
  return `超时通知:\n工单编号：${parts[0]}\n建单时间：${created}\n管家：${parts[1]}\n违规类型：${parts[2]}\n违规描述：${parts[3]}\n${APPEAL}${contact}申诉。`;
}

/** A stored violation as the weekly report reads it back. */
export interface StoredViolation {
  businessDate: string;
  orgName: string;
  orderNum: string | null;
  supervisorName: string | null;
  violationType: string | null;
}

/** The Monday report for one provider (no trailing line feed). */
/** `YYYY-MM-DD` → `YYYY.MM.DD` (the SLA weekly report's period format). */
function dottedDate(date: string): string {
  return date.replaceAll('-', '.');
}

export function slaWeeklyReportText(provider: string, rows: readonly StoredViolation[], monday: string, appealName: string): string {
  const lines = [`数据周期: ${dottedDate(addDays(monday, -7))}-${dottedDate(addDays(monday, -1))}`, `服务商: ${provider}`, ''];
  for (const row of rows) lines.push(`- 工单编号：${pyStr(row.orderNum)} 管家：${pyStr(row.supervisorName)} 违规类型：${pyStr(row.violationType)}`);
  lines.push('', `如有异议，请于 ${dottedDate(monday)} 24 时前，联系运营人员${appealName}申诉`);
  return lines.join('\n');
}

/** The date the SLA monitor keys this run's snapshot by: yesterday (2026) or today (PC era). */
export function slaSnapshotDate(runDate: string, semantics: SlaSemantics): string {
  return semantics === 'pc-era' ? runDate : addDays(runDate, -1);
}

export function isMonday(runDate: string): boolean {
  return weekday(runDate) === 0;
}

/** Providers with violations in the window (code-point order) and the configured ones without. */
export function weeklySplit(rows: readonly StoredViolation[], configured: readonly string[]): { violating: string[]; compliant: string[] } {
  const violating = [...new Set(rows.map((r) => r.orgName))].sort(compareCodePoints);
  const seen = new Set(violating);
  const compliant = [...new Set(configured)].filter((p) => !seen.has(p)).sort(compareCodePoints);
  return { violating, compliant };
}

export interface WeeklyDraftOptions {
  runDate: string;
  /** The Monday of the run's week (the report's period and appeal date). */
  monday: string;
  semantics: SlaSemantics;
  opsPersonName: string;
  configured: readonly string[];
  recipientOf: (provider: string) => string;
}

/** Monday: praise for each configured provider without violations, then one report per violator. */
export function slaWeeklyDrafts(rows: readonly StoredViolation[], options: WeeklyDraftOptions): MessageDraft[] {
  const { violating, compliant } = weeklySplit(rows, options.configured);
  const periodEnd = addDays(options.runDate, -1);
  const era = options.semantics === 'pc-era' ? '-pc' : '';
  const appealName = options.semantics === 'pc-era' ? options.opsPersonName : '';
  const drafts: MessageDraft[] = compliant.map((provider) => ({
    businessType: 'sla.weekly-praise',
    businessId: hashedKey([`sla-weekly-compliance${era}`, periodEnd, provider]),
    recipient: options.recipientOf(provider),
    content: { kind: 'text', text: SLA_PRAISE_TEXT },
  }));
  for (const provider of violating) {
    drafts.push({
      businessType: 'sla.weekly-report',
      businessId: hashedKey([`sla-weekly-report${era}`, periodEnd, provider]),
      recipient: options.recipientOf(provider),
      content: { kind: 'text', text: slaWeeklyReportText(provider, rows.filter((r) => r.orgName === provider), options.monday, appealName) },
    });
  }
  return drafts;
}

/** The daily message's business key (v1 `sla-daily::date::org::order::msg::memo::hash`). */
export function slaDailyKey(record: PyDict, snapshotDate: string, semantics: SlaSemantics): string {
  const text = semantics === 'pc-era' ? (c: string) => pcText(record.get(c)) : (c: string) => getStr(record, c);
  return hashedKey([semantics === 'pc-era' ? 'sla-daily-pc' : 'sla-daily', snapshotDate, ...['orgName', 'orderNum', 'msg', 'memo'].map(text)]);
}

/**
 * The unused PC variant (`notify_daily_service_report`): one `📢 超时情况通报` per provider with a
 * block per violation (blocks that fail to build are left out). Returns provider → text in order
 * of first appearance, with the first row's `_id` v1 de-duplicated on.
 */
export function slaDigests(records: readonly PyDict[], semantics: SlaSemantics, opsPersonName: string): Array<{ provider: unknown; firstId: string; text: string }> {
  const groups = new Map<unknown, PyDict[]>();
  for (const record of records) {
    const org = record.get('orgName');
    const key = typeof org === 'string' ? org : pcText(org);
    groups.set(key, [...(groups.get(key) ?? []), record]);
  }
  const contact = slaContact(semantics, opsPersonName);
  return [...groups].map(([provider, rows]) => {
    const blocks: string[] = [];
    for (const row of rows) {
      try {
        const created = semantics === 'pc-era' ? createdPcEra(row) : dailyCreated2026(row);
        blocks.push(`工单编号：${pcText(row.get('orderNum'))}\n建单时间：${created}\n管家：${pcText(row.get('supervisorName'))}\n违规类型：${pcText(row.get('msg'))}\n违规描述：${pcText(row.get('memo'))}\n`);
      } catch {
        // v1 logged the row and left it out of the digest.
      }
    }
    return { provider, firstId: pcText(rows[0]?.get('_id')), text: `📢 超时情况通报\n\n${blocks.join('\n')}\n${APPEAL}${contact}申诉。` };
  });
}
