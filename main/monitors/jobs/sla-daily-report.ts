import type { PipelineRecord } from '../../jobs/types.js';
import { Emitter, output, requireColumns, warnRows, type MonitorInvocation, type MonitorRun } from '../pipeline.js';
import { slaSettingsSchema, type SlaSettings } from '../settings.js';
import { deleteSnapshot, insertSnapshotRow, violationsInWindow, violationsOfRunDate, type DateKind, type SnapshotWrite } from '../store/sla-violations.js';
import { isBindable } from '../store/sql-params.js';
import { zipRecords, type PyDict } from '../transforms/card.js';
import { hashedKey, type MessageDraft, type RowIssue } from '../transforms/drafts.js';
import { resolveProvider, wecomChatRecipient } from '../transforms/recipients.js';
import { addDays, shanghaiDate, weekday } from '../../shared/shanghai-time.js';
import {
  SLA_COLUMNS, SLA_DAILY_PRAISE_TEXT, SlaRecordError, isMonday, slaDailyKey, slaDailyText, slaDigests, slaSnapshotDate, slaWeeklyDrafts, type StoredViolation,
} from '../transforms/sla.js';

/**
 * `sla-daily-report` (card 1514, spec §7.2): store the day's violations (replacing that date's
 * snapshot), one message per violation to its provider, and on Mondays the praise and weekly
 * reports over the previous seven dates. All dates come from the run's scheduled time.
 */
export const SLA_JOB_ID = 'sla-daily-report';

const NOT_NULL = ['saCreateTime', 'orderNum', 'orgName'];
const STORED = ['_id', 'sid', 'saCreateTime', 'orderNum', 'province', 'orgName', 'supervisorName', 'msg', 'memo', 'createTime'];

function recipientResolver(s: SlaSettings): (provider: unknown) => string {
  if (s.semantics === 'pc-era') {
    return (provider) => {
      const chat = typeof provider === 'string' ? s.pcEraProviderChats[provider] : undefined;
      return chat ? wecomChatRecipient(chat) : s.pcEraFallbackRecipient;
    };
  }
  const providers = new Set(s.providers);
  return (provider) => resolveProvider(provider, providers, s.fallbackRecipient);
}

/** Herald: rows SQLite would refuse are skipped with a warning; the rest replace the snapshot. */
function storeLeniently(inv: MonitorInvocation, write: SnapshotWrite, records: PyDict[], issues: RowIssue[]): PyDict[] {
  deleteSnapshot(inv.store, write.kind, write.date);
  return records.filter((record, row) => {
    if (write.kind === 'business') {
      const nullColumn = NOT_NULL.find((c) => record.has(c) && (record.get(c) === null || record.get(c) === undefined));
      if (nullColumn) return issues.push({ row, column: nullColumn, message: `${nullColumn} is empty` }) < 0;
      const unbindable = STORED.find((c) => !isBindable(record.get(c)));
      if (unbindable) return issues.push({ row, column: unbindable, message: `${unbindable} is a list or an object` }) < 0;
    }
    if (insertSnapshotRow(inv.store, write, record, 'skip')) return true;
    issues.push({ row, message: 'same date, provider, order, type and description as an earlier row (spec §12.8)' });
    return false;
  });
}

/** v1: the date's snapshot is replaced in one statement batch; any refused row undoes it all. */
function storeStrictly(inv: MonitorInvocation, write: SnapshotWrite, records: PyDict[]): string | undefined {
  try {
    inv.store.transaction(() => {
      deleteSnapshot(inv.store, write.kind, write.date);
      for (const record of records) insertSnapshotRow(inv.store, write, record, 'throw');
    })();
    return undefined;
  } catch (err) {
    return `storing the violations of ${write.date} failed: ${(err as Error).message}`;
  }
}

function weeklyRows(inv: MonitorInvocation, s: SlaSettings, runDate: string): StoredViolation[] {
  if (s.semantics !== 'pc-era') return violationsInWindow(inv.store, addDays(runDate, -7), addDays(runDate, -1));
  // PC era: most recent run date first, card order within a day.
  return [1, 2, 3, 4, 5, 6, 7].flatMap((i) => violationsOfRunDate(inv.store, addDays(runDate, -i)));
}

export function runSlaDailyReport(inv: MonitorInvocation): MonitorRun {
  const s = slaSettingsSchema.parse(inv.ctx.settings);
  const lenient = inv.policy === 'warn-skip';
  if (lenient) requireColumns(inv.card, inv.cardId, SLA_JOB_ID, ['saCreateTime', 'orderNum', 'orgName', 'supervisorName', 'msg', 'memo'].map((c) => [c]));
  const runDate = shanghaiDate(inv.ctx.scheduledAt);
  const date = slaSnapshotDate(runDate, s.semantics);
  const kind: DateKind = s.semantics === 'pc-era' ? 'run' : 'business';
  const write: SnapshotWrite = { kind, date, runId: inv.ctx.runId, storedAt: inv.ctx.scheduledAt.toISOString() };
  const records = zipRecords(inv.card, SLA_COLUMNS);
  const emitter = new Emitter(inv.store, inv.ctx);
  const recipientOf = recipientResolver(s);
  const counts = { violations: 0, daily: 0, praise: 0, reports: 0 };
  const finish = (abort?: { error: string }): MonitorRun => {
    const summary = { key: 'sla', params: { ...counts, date } };
    return { output: output(emitter, counts, summary, snapshotRecords(date, stored)), ...(abort ? { abort: { ...abort, posted: false } } : {}) };
  };

  const storeIssues: RowIssue[] = [];
  let stored: PyDict[] = records;
  if (lenient || kind === 'run') stored = storeLeniently(inv, write, records, storeIssues);
  else {
    const failure = storeStrictly(inv, write, records);
    if (failure) {
      stored = [];
      return finish({ error: failure });
    }
  }
  warnRows(inv.ctx, inv.cardId, 'not stored', storeIssues);
  counts.violations = stored.length;

  const buildIssues: RowIssue[] = [];
  if (s.dailyDigest) emitDigests(emitter, stored, s, date, recipientOf, counts);
  else {
    for (const record of stored) {
      let text: string;
      try {
        text = slaDailyText(record, s.semantics, s.opsPersonName);
      } catch (err) {
        if (!(err instanceof SlaRecordError)) throw err;
        if (!lenient) return finish({ error: `building the message of order ${String(record.get('orderNum'))} failed: ${err.message}` });
        buildIssues.push({ row: records.indexOf(record), column: err.column, message: err.message });
        continue;
      }
      const draft: MessageDraft = {
        businessType: 'sla.daily',
        businessId: slaDailyKey(record, date, s.semantics),
        recipient: recipientOf(record.get('orgName')),
        content: { kind: 'text', text },
      };
      if (emitter.emit(draft)) counts.daily++;
    }
  }
  warnRows(inv.ctx, inv.cardId, 'without a daily message', buildIssues);

  const monday = isMonday(runDate) || (s.semantics === 'pc-era' && s.forceMonday);
  if (monday) {
    const drafts = slaWeeklyDrafts(weeklyRows(inv, s, runDate), {
      runDate,
      monday: addDays(runDate, -weekday(runDate)),
      semantics: s.semantics,
      opsPersonName: s.opsPersonName,
      configured: s.semantics === 'pc-era' ? Object.keys(s.pcEraProviderChats) : s.providers,
      recipientOf,
    });
    for (const draft of drafts) if (emitter.emit(draft)) counts[draft.businessType === 'sla.weekly-praise' ? 'praise' : 'reports']++;
  }
  return finish();
}

/** The unused PC variant: a digest per provider, then `昨日无超时工单` to each provider without one. */
function emitDigests(emitter: Emitter, stored: PyDict[], s: SlaSettings, date: string, recipientOf: (p: unknown) => string, counts: Record<string, number>): void {
  const notified = new Set<unknown>();
  for (const digest of slaDigests(stored, s.semantics, s.opsPersonName)) {
    const draft: MessageDraft = { businessType: 'sla.daily-digest', businessId: `sla-daily-digest::${digest.firstId}`, recipient: recipientOf(digest.provider), content: { kind: 'text', text: digest.text } };
    if (emitter.emit(draft)) {
      notified.add(digest.provider);
      counts.daily = (counts.daily ?? 0) + 1;
    }
  }
  const configured = s.semantics === 'pc-era' ? Object.keys(s.pcEraProviderChats) : s.providers;
  for (const provider of configured) {
    if (notified.has(provider)) continue;
    const draft: MessageDraft = { businessType: 'sla.daily-praise', businessId: hashedKey(['sla-daily-praise', date, provider]), recipient: recipientOf(provider), content: { kind: 'text', text: SLA_DAILY_PRAISE_TEXT } };
    if (emitter.emit(draft)) counts.praise = (counts.praise ?? 0) + 1;
  }
}

function snapshotRecords(date: string, stored: PyDict[]): PipelineRecord[] {
  return stored.map((record) => ({
    key: [date, ...['orgName', 'orderNum', 'msg', 'memo'].map((c) => String(record.get(c) ?? ''))].join('::'),
    fields: Object.fromEntries(record),
  }));
}
