import { Emitter, output, requireWidth, warnIfEmpty, warnRows, type MonitorInvocation, type MonitorRun } from '../pipeline.js';
import { pendingOrdersSettingsSchema } from '../settings.js';
import { activeOrdersOf, deactivateMissing, upsertSnapshot } from '../store/pending-orders.js';
import { isBindable } from '../store/sql-params.js';
import type { RowIssue } from '../transforms/drafts.js';
import { pendingDigestText, pendingSnapshots, type PendingSnapshot } from '../transforms/pending-orders.js';
import { pyStr } from '../transforms/py-values.js';
import { resolveProvider } from '../transforms/recipients.js';
import { shanghaiDate } from '../../shared/shanghai-time.js';
import { pyIsoUtc } from '../transforms/py-datetime.js';

/**
 * `pending-orders-reminder` (card 1712, spec §7.3): refresh the status snapshots of the eligible
 * orders, then one digest of all active orders to each provider present in this run.
 *
 * Identity: `{provider}::pending_orders_digest::{scheduled time, UTC ISO}` — v1's own outbox key
 * (it used the run's "now", which was the scheduled time). Every scheduled run reminds again by
 * design (daily at 08:30 by default; v1's vector "same snapshot 30 minutes later → sent again"),
 * while a retried or caught-up run of the same slot is not sent twice. `digestIdentity:
 * scheduled-date` allows at most one digest per provider per Shanghai day instead.
 */
export const PENDING_JOB_ID = 'pending-orders-reminder';
/** The digest's business type; the outbox's sent hook for it marks the orders notified (`monitors/service.ts`). */
export const PENDING_DIGEST = 'pending-orders.digest';

const TEXT_COLUMNS: Array<[keyof PendingSnapshot, string]> = [
  ['customerName', 'name'], ['address', 'address'], ['supervisorName', 'supervisorName'], ['orgName', 'orgName'], ['orderStatus', 'orderstatus'],
];

export function runPendingOrdersReminder(inv: MonitorInvocation): MonitorRun {
  const s = pendingOrdersSettingsSchema.parse(inv.ctx.settings);
  const lenient = inv.policy === 'warn-skip';
  if (lenient) {
    requireWidth(inv.card, inv.cardId, PENDING_JOB_ID, 7);
    warnIfEmpty(inv.ctx, inv.card, inv.cardId);
  }
  const nowUs = inv.ctx.scheduledAt.getTime() * 1000;
  const at = inv.ctx.scheduledAt.toISOString();
  const date = shanghaiDate(inv.ctx.scheduledAt);
  const emitter = new Emitter(inv.store, inv.ctx);
  const { snapshots, skipped } = pendingSnapshots(inv.card.rows, nowUs, s.minAgeHours);
  warnRows(inv.ctx, inv.cardId, 'skipped (as v1 did)', skipped);
  const counts = { rows: inv.card.rows.length, eligible: 0, providers: 0, digests: 0, orders: 0 };
  const finish = (abort?: string): MonitorRun => ({
    output: output(emitter, counts, { key: 'pending', params: { ...counts, date } }, snapshots.map((x) => ({ key: x.fingerprint, fields: { ...x } }))),
    ...(abort ? { abort: { error: abort, posted: false } } : {}),
  });

  const unstorable: RowIssue[] = [];
  const kept: PendingSnapshot[] = [];
  for (const snapshot of snapshots) {
    const bad = TEXT_COLUMNS.find(([key]) => !isBindable(snapshot[key]));
    if (bad) {
      const issue = { row: snapshot.row, column: bad[1], message: `${bad[1]} is a list or an object` };
      // v1 stored the snapshots one by one and stopped at the first it could not bind.
      if (!lenient) return finish(`storing order ${snapshot.orderNum} failed: ${issue.message}`);
      unstorable.push(issue);
      continue;
    }
    upsertSnapshot(inv.store, snapshot, at);
    kept.push(snapshot);
  }
  warnRows(inv.ctx, inv.cardId, 'not stored', unstorable);
  deactivateMissing(inv.store, kept.map((x) => x.fingerprint), at);
  counts.eligible = kept.length;

  const providers = new Map<string, unknown>();
  for (const snapshot of kept) if (!providers.has(pyStr(snapshot.orgName))) providers.set(pyStr(snapshot.orgName), snapshot.orgName);
  const known = new Set(s.providers);
  for (const [orgText, orgName] of providers) {
    const orders = activeOrdersOf(inv.store, orgName);
    if (orders.length === 0) continue;
    counts.providers++;
    const queued = emitter.emit({
      businessType: PENDING_DIGEST,
      businessId: `${orgText}::pending_orders_digest::${s.digestIdentity === 'scheduled-date' ? date : pyIsoUtc(inv.ctx.scheduledAt)}`,
      recipient: s.forceRecipient ?? resolveProvider(orgName, known, s.fallbackRecipient),
      content: { kind: 'text', text: pendingDigestText(orgText, orders, nowUs, s.createTimeDisplay) },
      // The outbox's sent hook marks these orders notified (markPendingOrdersNotified).
      metadata: { pendingOrderFingerprints: orders.map((o) => o.fingerprint), orgName: orgText },
    });
    if (queued) {
      counts.digests++;
      counts.orders += orders.length;
    }
  }
  return finish();
}
