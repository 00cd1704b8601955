import { Emitter, output, requireWidth, warnRows, type MonitorInvocation, type MonitorRun } from '../pipeline.js';
import { technicianStatusSettingsSchema } from '../settings.js';
import { stateKeys } from '../store/notified.js';
import { isBindable } from '../store/sql-params.js';
import type { RowIssue } from '../transforms/drafts.js';
import { pyStr } from '../transforms/py-values.js';
import { wechatRecipient } from '../transforms/recipients.js';
import { TechnicianRowError, alreadyNotified, statusFileKey, technicianChange } from '../transforms/technician-status.js';

/**
 * `technician-status` (card 719, v1.0.1, spec §7.1; retired by v1 in Aug 2025, off by default):
 * each change not yet in the status store goes to the WeChat contact named like the company and
 * to the default webhook. v1 posted inline, so on bad data it had already posted earlier rows.
 */
export const TECHNICIAN_JOB_ID = 'technician-status';

export function runTechnicianStatus(inv: MonitorInvocation): MonitorRun {
  const s = technicianStatusSettingsSchema.parse(inv.ctx.settings);
  const lenient = inv.policy === 'warn-skip';
  if (lenient) requireWidth(inv.card, inv.cardId, TECHNICIAN_JOB_ID, 6);
  const emitter = new Emitter(inv.store, inv.ctx);
  // v1 loaded its status file once per poll: ids stored during this poll are not seen until the next.
  const stored = stateKeys(inv.store, inv.ctx.jobId);
  const seenThisPoll = new Set<string>();
  const issues: RowIssue[] = [];
  const counts = { rows: inv.card.rows.length, changes: 0 };
  const stamp = inv.ctx.scheduledAt.toISOString();
  const finish = (abort?: string): MonitorRun => ({
    output: output(emitter, counts, { key: 'technician', params: counts }),
    ...(abort ? { abort: { error: abort, posted: true } } : {}),
  });

  for (const [row, values] of inv.card.rows.entries()) {
    let change;
    try {
      change = technicianChange(values);
    } catch (err) {
      if (!(err instanceof TechnicianRowError)) throw err;
      if (!lenient) return finish(`row ${row + 1}: ${err.message}`);
      issues.push({ row, column: err.column, message: err.message });
      continue;
    }
    const key = statusFileKey(change.id);
    const refuse = (column: string, message: string): MonitorRun | undefined => {
      if (!lenient) return finish(`row ${row + 1}: ${message}`);
      issues.push({ row, column, message });
      return undefined;
    };
    if (key === undefined) {
      const stop = refuse('id', `change id ${pyStr(change.id)} cannot be a status key`);
      if (stop) return stop;
      continue;
    }
    if (alreadyNotified(change.id, stored, s.matchNumericIds)) continue;
    // v1 queued the WeChat task first: a company it could not store as the recipient stopped the run.
    if (change.company === null || change.company === undefined || !isBindable(change.company)) {
      const stop = refuse('company', 'company is empty or not text (no WeChat contact to send to)');
      if (stop) return stop;
      continue;
    }
    if (s.dedupeWithinPoll && seenThisPoll.has(key)) continue;
    // A change v1 could never recognise (numeric id) or saw twice in one poll is a new message each time.
    const repeat = typeof change.id !== 'string' && !s.matchNumericIds ? `@${stamp}` : '';
    let businessId = `${key}${repeat}`;
    for (let n = 2; seenThisPoll.has(businessId); n++) businessId = `${key}${repeat}#${n}`;
    seenThisPoll.add(businessId);
    seenThisPoll.add(key);
    const text = { kind: 'text' as const, text: change.text };
    const wechat = { businessType: 'technician.status', businessId, recipient: wechatRecipient(pyStr(change.company)), content: text };
    if (!emitter.emit(wechat, { stateKey: key })) continue;
    emitter.push({ ...wechat, recipient: s.webhookRecipient });
    counts.changes++;
  }
  warnRows(inv.ctx, inv.cardId, 'not understood (skipped)', issues);
  return finish();
}
