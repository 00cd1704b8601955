import type { Db } from '../../db/open.js';
import type { LedgerRow } from '../legacy/types.js';

/** The v1-ledger campaigns' stored ledger (`campaign_ledger`): v1's PerformanceData CSV, one row per contract. */

export interface StoredLedgerRow {
  contractId: string;
  header: string;
  row: LedgerRow;
  createdAt: string;
}

export function readLedger(db: Db, activityCode: string): StoredLedgerRow[] {
  const rows = db
    .prepare('SELECT contract_id, header, row_json, created_at FROM campaign_ledger WHERE activity_code = ? ORDER BY id')
    .all(activityCode) as Array<{ contract_id: string; header: string; row_json: string; created_at: string }>;
  return rows.map((r) => ({ contractId: r.contract_id, header: r.header, row: JSON.parse(r.row_json) as LedgerRow, createdAt: r.created_at }));
}

export function appendLedger(db: Db, activityCode: string, rows: readonly StoredLedgerRow[]): void {
  const insert = db.prepare('INSERT INTO campaign_ledger (activity_code, contract_id, header, row_json, created_at) VALUES (?, ?, ?, ?, ?)');
  for (const r of rows) insert.run(activityCode, r.contractId, r.header, JSON.stringify(r.row), r.createdAt);
}
