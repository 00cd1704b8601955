import type { Db } from '../../db/open.js';
import { LEDGER_HEADERS } from '../input/columns.js';
import type { LedgerHeader } from './ledger-store.js';

/**
 * A contract's group announcement was delivered: its stored row says so, as v1 did — the ledger's
 * `是否发送通知` becomes `Y`, `performance_data.notification_sent` becomes 1 (spec §5.3, §5.5).
 * Whichever table holds the activity's state is updated (September's two pipelines share one
 * activity code; only the live one holds rows). Idempotent.
 */
export function markAnnounced(db: Db, activityCode: string, contractId: string, updatedAt: string): void {
  db.prepare('UPDATE campaign_performance_data SET notification_sent = 1, updated_at = ? WHERE activity_code = ? AND contract_id = ? AND notification_sent = 0').run(
    updatedAt,
    activityCode,
    contractId,
  );
  const row = db.prepare('SELECT id, header, row_json FROM campaign_ledger WHERE activity_code = ? AND contract_id = ?').get(activityCode, contractId) as
    | { id: number; header: LedgerHeader; row_json: string }
    | undefined;
  if (!row) return;
  const column = LEDGER_HEADERS[row.header].indexOf('是否发送通知');
  const cells = JSON.parse(row.row_json) as string[];
  if (column < 0 || cells[column] === 'Y') return;
  cells[column] = 'Y';
  db.prepare('UPDATE campaign_ledger SET row_json = ? WHERE id = ?').run(JSON.stringify(cells), row.id);
}

/** The activity code and contract id of a campaign message's business id `{activity}:{contract}`. */
export function parseBusinessId(businessId: string): { activityCode: string; contractId: string } | undefined {
  const i = businessId.indexOf(':');
  return i > 0 && i < businessId.length - 1 ? { activityCode: businessId.slice(0, i), contractId: businessId.slice(i + 1) } : undefined;
}
