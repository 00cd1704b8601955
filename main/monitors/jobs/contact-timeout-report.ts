import { Emitter, output, requireWidth, warnRows, type MonitorInvocation, type MonitorRun } from '../pipeline.js';
import { contactTimeoutSettingsSchema } from '../settings.js';
import type { RowIssue } from '../transforms/drafts.js';
import { ContactTimeoutRowError, contactTimeoutCard, contactTimeoutItem, type HorizontalItem } from '../transforms/contact-timeout.js';

/**
 * `contact-timeout-report` (card 980, spec §7.6; manual): last week's contact timeouts as one
 * WeCom template card (the first six rows; the total in the emphasis). One card per run.
 */
export const CONTACT_TIMEOUT_JOB_ID = 'contact-timeout-report';

export function runContactTimeoutReport(inv: MonitorInvocation): MonitorRun {
  const s = contactTimeoutSettingsSchema.parse(inv.ctx.settings);
  const lenient = inv.policy === 'warn-skip';
  if (lenient) requireWidth(inv.card, inv.cardId, CONTACT_TIMEOUT_JOB_ID, 4);
  const emitter = new Emitter(inv.store, inv.ctx);
  const nowUs = inv.ctx.scheduledAt.getTime() * 1000;
  const items: HorizontalItem[] = [];
  const issues: RowIssue[] = [];
  const counts = { rows: inv.card.rows.length, listed: 0, reports: 0 };
  for (const [row, values] of inv.card.rows.slice(0, s.maxItems).entries()) {
    try {
      items.push(contactTimeoutItem(values, items.length + 1, nowUs));
    } catch (err) {
      if (!(err instanceof ContactTimeoutRowError)) throw err;
      if (!lenient) return { output: output(emitter, counts, { key: 'contactTimeout', params: counts }), abort: { error: `row ${row + 1}: ${err.message}`, posted: false } };
      issues.push({ row, column: err.column, message: err.message });
    }
  }
  warnRows(inv.ctx, inv.cardId, 'not understood (left out of the card)', issues);
  counts.listed = items.length;
  if (items.length > 0) {
    const queued = emitter.emit({
      businessType: 'contact-timeout.report',
      businessId: `contact-timeout::${inv.ctx.scheduledAt.toISOString()}`,
      recipient: s.recipient,
      content: { kind: 'template_card', card: contactTimeoutCard(items, inv.card.rows.length, s.metabaseUrl) },
    });
    if (queued) counts.reports = 1;
  }
  return { output: output(emitter, counts, { key: 'contactTimeout', params: counts }) };
}
