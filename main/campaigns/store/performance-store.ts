import type { Db } from '../../db/open.js';
import { extensionsJson } from '../newarch/extensions.js';
import type { StoredRow } from '../newarch/state.js';
import type { RecordBuilder } from '../rules/py.js';

/** The v1-db campaigns' stored rows (`campaign_performance_data`, v1's `performance_data`). */

/** A stored row as SQLite gives it (the columns the pipelines read). */
export interface PerformanceRow {
  id: number;
  contract_id: string;
  housekeeper: string;
  service_provider: string | null;
  contract_amount: number;
  performance_amount: number;
  project_id: string | null;
  order_type: string;
  contract_sequence: number;
  reward_types: string | null;
  reward_names: string | null;
  is_historical: number;
  notification_sent: number;
  remarks: string;
  project_address: string;
}

function list(json: string | null): string[] {
  if (!json) return [];
  const parsed = JSON.parse(json) as unknown;
  return Array.isArray(parsed) ? parsed.map(String) : [];
}

export function readPerformanceRows(db: Db, activityCode: string): StoredRow[] {
  const rows = db
    .prepare(
      `SELECT id, contract_id, housekeeper, service_provider, contract_amount, performance_amount, project_id, order_type, contract_sequence,
              reward_types, reward_names, is_historical, notification_sent, remarks, project_address
         FROM campaign_performance_data WHERE activity_code = ? ORDER BY id`,
    )
    .all(activityCode) as PerformanceRow[];
  return rows.map((r) => ({
    contractId: r.contract_id,
    housekeeper: r.housekeeper,
    serviceProvider: r.service_provider ?? '',
    contractAmount: r.contract_amount,
    performanceAmount: r.performance_amount,
    projectId: r.project_id ?? '',
    orderType: r.order_type === 'self_referral' ? 'self_referral' : 'platform',
    contractSequence: r.contract_sequence,
    rewardTypes: list(r.reward_types),
    rewardNames: list(r.reward_names),
    isHistorical: r.is_historical === 1,
    notificationSent: r.notification_sent === 1,
    remarks: r.remarks,
    projectAddress: r.project_address,
  }));
}

/** Python's `json.dumps(list, ensure_ascii=False)`: `["节节高", "节节高"]`. */
function pyJsonList(items: readonly string[]): string {
  return `[${items.map((s) => JSON.stringify(s)).join(', ')}]`;
}

/**
 * INSERT OR REPLACE keyed by (activity, contract), as v1 saved: a replaced row gets a new id. The
 * `extensions` column holds the record dict as v1's `json.dumps` wrote it.
 */
export function savePerformanceRows(db: Db, activityCode: string, rows: ReadonlyArray<{ row: StoredRow; record: RecordBuilder }>, now: string): void {
  const save = db.prepare(`INSERT OR REPLACE INTO campaign_performance_data (
      activity_code, contract_id, housekeeper, service_provider, contract_amount, performance_amount, project_id, order_type,
      contract_sequence, reward_types, reward_names, is_historical, notification_sent, remarks, created_at, updated_at, extensions, project_address
    ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const { row: r, record } of rows) {
    save.run(
      activityCode, r.contractId, r.housekeeper, r.serviceProvider, r.contractAmount, r.performanceAmount, r.projectId, r.orderType,
      r.contractSequence, pyJsonList(r.rewardTypes), pyJsonList(r.rewardNames), r.isHistorical ? 1 : 0, r.notificationSent ? 1 : 0, r.remarks,
      now, now, extensionsJson(record), r.projectAddress,
    );
  }
}

export function deletePerformanceRows(db: Db, activityCode: string, contractIds: readonly string[]): void {
  const del = db.prepare('DELETE FROM campaign_performance_data WHERE activity_code = ? AND contract_id = ?');
  for (const id of contractIds) del.run(activityCode, id);
}
