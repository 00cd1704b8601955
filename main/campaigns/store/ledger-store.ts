import type { Db } from '../../db/open.js';
import { LEDGER_HEADERS } from '../input/columns.js';
import type { LedgerRow } from '../legacy/types.js';

/**
 * The v1-ledger campaigns' stored ledger (`campaign_ledger`): v1's PerformanceData CSV, one row per
 * contract, stored as the list of its cell texts in the order of the row's header.
 */

export type LedgerHeader = keyof typeof LEDGER_HEADERS;

export interface StoredLedgerRow {
  contractId: string;
  header: LedgerHeader;
  row: LedgerRow;
  createdAt: string;
}

export function readLedger(db: Db, activityCode: string): StoredLedgerRow[] {
  const rows = db
    .prepare('SELECT contract_id, header, row_json, created_at FROM campaign_ledger WHERE activity_code = ? ORDER BY id')
    .all(activityCode) as Array<{ contract_id: string; header: LedgerHeader; row_json: string; created_at: string }>;
  return rows.map((r) => {
    const cells = JSON.parse(r.row_json) as string[];
    const row: Record<string, string> = {};
    LEDGER_HEADERS[r.header].forEach((column, i) => (row[column] = cells[i] ?? ''));
    return { contractId: r.contract_id, header: r.header, row, createdAt: r.created_at };
  });
}

/** A row to append: its cell texts in the order of `LEDGER_HEADERS[header]`. */
export interface NewLedgerRow {
  contractId: string;
  header: LedgerHeader;
  cells: readonly string[];
}

export function appendLedger(db: Db, activityCode: string, rows: readonly NewLedgerRow[], createdAt: string): void {
  const insert = db.prepare('INSERT INTO campaign_ledger (activity_code, contract_id, header, row_json, created_at) VALUES (?, ?, ?, ?, ?)');
  for (const r of rows) insert.run(activityCode, r.contractId, r.header, JSON.stringify(r.cells), createdAt);
}
