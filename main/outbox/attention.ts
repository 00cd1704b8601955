import type { Herald } from '../core/herald.js';
import type { StatusContribution } from '../core/status.js';
import { loadChannelConfigs, maskedChannelConfig } from '../channels/config-store.js';
import { interruptedCount, isSendingEnabled } from './control.js';

const DAY_MS = 86_400_000;
const SHOWN = 5;

/** Dead and unknown messages of the last day: the tray and the header show them as failures. */
export function attentionNeeded(herald: Herald): NonNullable<StatusContribution['failures']> {
  const rows = herald.db
    .prepare("SELECT id, recipient, status, last_error, updated_at FROM messages WHERE status IN ('dead','unknown') AND updated_at >= ? ORDER BY updated_at DESC LIMIT ?")
    .all(herald.clock.now() - DAY_MS, SHOWN) as Array<{ id: string; recipient: string; status: string; last_error: string | null; updated_at: number }>;
  return rows.map((r) => ({ kind: 'message' as const, summary: `${r.id} (${r.status}) → ${r.recipient}: ${r.last_error ?? ''}`.slice(0, 300), at: new Date(r.updated_at).toISOString() }));
}

/** The outbox's section of the diagnostics zip: channel settings with secrets masked, counts. */
export function outboxDiagnostics(herald: Herald): unknown {
  return {
    sendingEnabled: isSendingEnabled(herald.db),
    interrupted: interruptedCount(herald.db),
    statusCounts: herald.db.prepare('SELECT status, COUNT(*) AS n FROM messages GROUP BY status').all(),
    channels: Object.values(loadChannelConfigs(herald.db, herald.secrets)).map(maskedChannelConfig),
  };
}
