import { Emitter, output, requireColumns, warnRows, type MonitorInvocation, type MonitorRun } from '../pipeline.js';
import { housekeeperOfflineSettingsSchema } from '../settings.js';
import { offlineDrafts } from '../transforms/housekeeper-offline.js';

/**
 * `housekeeper-offline-broadcast` (card 2085, spec §7.4): every valid event newer than the
 * lookback window, once per event (SHA-256 of the positional row), to the offline group.
 */
export const OFFLINE_JOB_ID = 'housekeeper-offline-broadcast';

export function runHousekeeperOfflineBroadcast(inv: MonitorInvocation): MonitorRun {
  const s = housekeeperOfflineSettingsSchema.parse(inv.ctx.settings);
  if (inv.policy === 'warn-skip') requireColumns(inv.card, inv.cardId, OFFLINE_JOB_ID, [['createUserName'], ['createTime'], ['operation', '动作']]);
  const emitter = new Emitter(inv.store, inv.ctx);
  const result = offlineDrafts(inv.card, inv.ctx.scheduledAt.getTime() * 1000, s.lookbackMinutes, s.recipient);
  warnRows(inv.ctx, inv.cardId, 'without name, operation or time (skipped, as v1 did)', result.invalid);
  let queued = 0;
  for (const draft of result.drafts) if (emitter.emit(draft)) queued++;
  const counts = { rows: inv.card.rows.length, valid: result.valid, stale: result.stale, invalid: result.invalid.length, broadcasts: queued };
  return { output: output(emitter, counts, { key: 'offline', params: counts }, result.drafts.map((d) => ({ key: d.businessId, fields: { text: d.content.kind === 'text' ? d.content.text : '' } }))) };
}
