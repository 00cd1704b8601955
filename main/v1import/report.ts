import type { ImportReport, Tally } from './types.js';

/** The import report in words: what was taken, what was already there, what was left for Herald, what was not understood. */

const LIST_AT_MOST = 20;

function tally(t: Tally): string {
  return `${t.new} new${t.existing ? `, ${t.existing} already there` : ''}`;
}

function pairs(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
}

function breakdown(counts: Record<string, number>): string {
  const text = pairs(counts);
  return text ? ` (${text})` : '';
}

export function importReportText(r: ImportReport): string {
  const lines = [
    `${r.dryRun ? 'Dry run — nothing was written. ' : ''}v1 ${r.kind === 'pc-folder' ? 'working folder' : 'database'} ${r.source}: ${r.files.length} file(s) read.`,
    `Campaign ledger rows: ${tally(r.ledgerRows)}${breakdown(r.ledgerRows.byActivity)}`,
    `Campaign database rows: ${tally(r.performanceRows)}${breakdown(r.performanceRows.byActivity)}`,
    `Notifications v1 handled: ${tally(r.notifications)}${breakdown(Object.fromEntries(Object.entries(r.notifications.byStatus).filter(([, n]) => n > 0)))}`,
  ];
  if (Object.keys(r.notifications.byJob).length) lines.push(`  by job: ${pairs(r.notifications.byJob)}`);
  if (r.notifications.byStatus.unknown) lines.push(`  ${r.notifications.byStatus.unknown} message(s) are "unknown": v1 queued them but never recorded them as sent. Check them on the Outbox page (mark sent, or send again).`);
  if (r.notifications.byStatus.failed) lines.push(`  ${r.notifications.byStatus.failed} message(s) v1 failed to send are retried by Herald, as v1 would have.`);
  lines.push(`Monitor keys: ${tally(r.monitorKeys)}; pending-order snapshots: ${tally(r.pendingOrders)}; SLA violation records: ${tally(r.slaViolations)}`);
  if (r.leftForHerald.length) {
    lines.push(`Left for Herald to announce (${r.leftForHerald.length}): contracts v1 recorded but never announced — Herald's next run of their campaign records and announces them:`);
    for (const c of r.leftForHerald.slice(0, LIST_AT_MOST)) lines.push(`  ${c.variant} ${c.contractId} (${c.source})`);
    if (r.leftForHerald.length > LIST_AT_MOST) lines.push(`  … and ${r.leftForHerald.length - LIST_AT_MOST} more (--json lists them all)`);
  }
  for (const s of r.skipped) lines.push(`Not imported: ${s.source}: ${s.reason}`);
  for (const n of r.notes) lines.push(`Note: ${n}`);
  return `${lines.join('\n')}\n`;
}
