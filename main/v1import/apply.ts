import type { Db } from '../db/open.js';
import { enqueueMessage } from '../outbox/enqueue.js';
import { messageId } from '../outbox/ids.js';
import { getMessageRowById, patchMessage } from '../outbox/message-row.js';
import { addTrace } from '../outbox/trace.js';
import type { TraceKind } from '../outbox/trace.js';
import { markNotified } from '../monitors/store/notified.js';
import { utcDateTime } from '../campaigns/pipelines/common.js';
import type { ImportPlan, ImportReport, ImportedStatus, PlannedNotification, SqlValue, Tally } from './types.js';

/**
 * Writes a plan into Herald's store in one transaction. Everything is insert-if-absent — ledger
 * and performance rows by (activity, contract), notifications by business identity, monitor keys,
 * pending-order fingerprints, SLA snapshot keys — so importing the same state twice changes nothing.
 */

const TRACE: Record<ImportedStatus, { kind: TraceKind; why: string }> = {
  sent: { kind: 'marked-sent', why: 'v1 sent it' },
  unknown: { kind: 'unknown', why: 'v1 queued it but never recorded it as sent; it may or may not have arrived — mark it sent or send it again' },
  failed: { kind: 'attempt-failed', why: 'v1 failed to send it and would have tried again; Herald retries it' },
  dead: { kind: 'dead', why: 'v1 gave up on it' },
};

function insertRow(db: Db, table: string, values: Record<string, SqlValue>): boolean {
  const columns = Object.keys(values);
  const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')}) ON CONFLICT DO NOTHING`;
  return db.prepare(sql).run(values).changes > 0;
}

function tally(results: readonly boolean[]): Tally {
  const fresh = results.filter(Boolean).length;
  return { new: fresh, existing: results.length - fresh };
}

function identityOnly(db: Db, n: PlannedNotification): boolean {
  const exists = db.prepare('SELECT 1 FROM message_identities WHERE business_type = ? AND business_id = ? AND recipient = ?').get(n.businessType, n.businessId, n.recipient);
  if (exists) return false;
  const seq = ((db.prepare('SELECT MAX(seq) FROM message_identities').pluck().get() as number | null) ?? 0) + 1;
  db.prepare('INSERT INTO message_identities (seq, business_type, business_id, recipient, message_id, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    seq, n.businessType, n.businessId, n.recipient, messageId(n.at, seq), n.at,
  );
  return true;
}

/** A message with v1's text and v1's outcome, or — where v1 kept no text — the identity alone (as after retention). */
function importNotification(db: Db, n: PlannedNotification, now: number): boolean {
  const text = n.content && (n.content.kind === 'text' || n.content.kind === 'markdown') ? n.content.text : undefined;
  if (!n.content || text?.trim() === '') return identityOnly(db, n);
  const { id, created } = enqueueMessage(
    db,
    { businessType: n.businessType, businessId: n.businessId, recipient: n.recipient, content: n.content, ...(n.jobId ? { jobId: n.jobId } : {}), ...(n.metadata ? { metadata: n.metadata } : {}) },
    { now: n.at },
  );
  if (!created) return false;
  const row = getMessageRowById(db, id)!;
  const { kind, why } = TRACE[n.status];
  const error = n.status === 'sent' ? {} : { last_error: n.lastError ?? why, last_error_code: 'V1_IMPORT' };
  patchMessage(db, row.seq, {
    status: n.status,
    updated_at: now,
    total_attempts: n.attempts ?? (n.status === 'sent' ? 1 : 0),
    ...(n.status === 'sent' ? { sent_at: n.at } : {}),
    ...(n.status === 'failed' ? { next_attempt_at: now } : {}),
    ...error,
  });
  addTrace(db, row.seq, now, { kind, status: n.status, code: 'V1_IMPORT', detail: `Imported from v1 (${n.source}): ${why}.${n.detail ? ` ${n.detail}.` : ''}` });
  return true;
}

function countBy<T>(items: readonly T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
}

class DryRunRollback extends Error {}

export function applyPlan(db: Db, plan: ImportPlan, options: { dryRun?: boolean; now?: number } = {}): ImportReport {
  const now = options.now ?? Date.now();
  const importedAt = utcDateTime(new Date(now));
  let report: ImportReport | undefined;
  const write = () => {
    const ledger = plan.ledgerRows.map((r) =>
      insertRow(db, 'campaign_ledger', { activity_code: r.activityCode, contract_id: r.contractId, header: r.header, row_json: JSON.stringify(r.cells), created_at: importedAt }),
    );
    const performance = plan.performanceRows.map((r) => insertRow(db, 'campaign_performance_data', r.values));
    const notified = plan.notifications.map((n) => importNotification(db, n, now));
    const monitorKeys = plan.notifications
      .filter((n) => n.monitor && n.jobId)
      .map((n) => markNotified(db, { jobId: n.jobId!, businessType: n.businessType, businessId: n.businessId, recipient: n.recipient, stateKey: n.monitor!.stateKey, scheduledAt: new Date(n.at).toISOString() }));
    const pending = plan.pendingOrders.map((r) => insertRow(db, 'monitor_pending_orders', r.values));
    const sla = plan.slaViolations.map((r) => insertRow(db, 'monitor_sla_violations', r.values));
    const fresh = plan.notifications.filter((_, i) => notified[i]);
    report = {
      kind: plan.kind,
      source: plan.source,
      dryRun: options.dryRun === true,
      files: plan.files,
      ledgerRows: { ...tally(ledger), byActivity: countBy(plan.ledgerRows.filter((_, i) => ledger[i]), (r) => r.activityCode) },
      performanceRows: { ...tally(performance), byActivity: countBy(plan.performanceRows.filter((_, i) => performance[i]), (r) => String(r.values.activity_code)) },
      notifications: {
        ...tally(notified),
        byStatus: { sent: 0, unknown: 0, failed: 0, dead: 0, ...countBy(fresh, (n) => n.status) },
        byJob: countBy(fresh, (n) => n.jobId ?? '(v1 tasks)'),
      },
      monitorKeys: tally(monitorKeys),
      pendingOrders: tally(pending),
      slaViolations: tally(sla),
      leftForHerald: plan.leftForHerald,
      skipped: plan.skipped,
      notes: plan.notes,
    };
    if (options.dryRun) throw new DryRunRollback();
  };
  try {
    db.transaction(write).immediate();
  } catch (err) {
    if (!(err instanceof DryRunRollback)) throw err;
  }
  return report!;
}
