import type { Db } from '../../db/open.js';
import type { PyDict } from '../transforms/card.js';
import { getStr, pcText, type StoredViolation } from '../transforms/sla.js';
import { pyJsonDumps } from '../transforms/py-values.js';
import { sqlParam, type SqlParam } from './sql-params.js';

/** SLA violation snapshots (`monitor_sla_violations`; v1 `sla_violation_records` / `sla_violations.json`). */

export type DateKind = 'business' | 'run';

const INSERT = `INSERT INTO monitor_sla_violations (
  date_kind, business_date, violation_id, sid, sa_create_time, order_num, province, org_name, supervisor_name,
  source_type, status, violation_type, violation_description, work_type, create_time, raw_json, run_id, stored_at
) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** v1's row binding: `record.get(col, "")` for text columns, `str(...)` for the three code columns. */
function v1Params(record: PyDict): SqlParam[] {
  const get = (c: string): SqlParam => (record.has(c) ? sqlParam(record.get(c), c) : '');
  return [
    get('_id'), get('sid'), get('saCreateTime'), get('orderNum'), get('province'), get('orgName'), get('supervisorName'),
    getStr(record, 'sourceType'), getStr(record, 'status'), get('msg'), get('memo'), getStr(record, 'workType'), get('createTime'),
    pyJsonDumps(Object.fromEntries(record)),
  ];
}

/** PC era: the row as read back from CSV (every value text, null empty). */
function pcParams(record: PyDict): SqlParam[] {
  const cols = ['_id', 'sid', 'saCreateTime', 'orderNum', 'province', 'orgName', 'supervisorName', 'sourceType', 'status', 'msg', 'memo', 'workType', 'createTime'];
  return [...cols.map((c) => pcText(record.get(c))), pyJsonDumps(Object.fromEntries(record))];
}

export interface SnapshotWrite {
  kind: DateKind;
  date: string;
  runId: number | null;
  storedAt: string;
}

/**
 * Replaces a date's snapshot. Throws on the first row SQLite refuses (v1: NOT NULL, UNIQUE, not
 * bindable) — the caller decides whether that aborts the run (inside a savepoint) or skips the row
 * (`insertSnapshotRow` one by one).
 */
export function deleteSnapshot(db: Db, kind: DateKind, date: string): void {
  db.prepare('DELETE FROM monitor_sla_violations WHERE date_kind = ? AND business_date = ?').run(kind, date);
}

/** Inserts one row; false when the 2026 UNIQUE key already holds it. Throws on NOT NULL / binding. */
export function insertSnapshotRow(db: Db, write: SnapshotWrite, record: PyDict, onDuplicate: 'throw' | 'skip'): boolean {
  const params = write.kind === 'run' ? pcParams(record) : v1Params(record);
  const sql = onDuplicate === 'skip' ? `${INSERT} ON CONFLICT DO NOTHING` : INSERT;
  return db.prepare(sql).run(write.kind, write.date, ...params, write.runId, write.storedAt).changes > 0;
}

interface Row {
  business_date: string;
  org_name: string;
  order_num: string | null;
  supervisor_name: string | null;
  violation_type: string | null;
}

const toStored = (r: Row): StoredViolation => ({
  businessDate: r.business_date,
  orgName: r.org_name,
  orderNum: r.order_num,
  supervisorName: r.supervisor_name,
  violationType: r.violation_type,
});

/** 2026: the window's violations by business date, provider, order number (then storage order). */
export function violationsInWindow(db: Db, from: string, to: string): StoredViolation[] {
  const rows = db
    .prepare(
      `SELECT business_date, org_name, order_num, supervisor_name, violation_type FROM monitor_sla_violations
       WHERE date_kind = 'business' AND business_date >= ? AND business_date <= ?
       ORDER BY business_date, org_name, order_num, id`,
    )
    .all(from, to) as Row[];
  return rows.map(toStored);
}

/** PC era: one run date's rows in card order. */
export function violationsOfRunDate(db: Db, date: string): StoredViolation[] {
  const rows = db
    .prepare(`SELECT business_date, org_name, order_num, supervisor_name, violation_type FROM monitor_sla_violations WHERE date_kind = 'run' AND business_date = ? ORDER BY id`)
    .all(date) as Row[];
  return rows.map(toStored);
}

/** Violations per provider per business date (for the Jobs page's weekly chart). */
export function violationCounts(db: Db, from: string, to: string): Array<{ date: string; provider: string; count: number }> {
  return db
    .prepare(
      `SELECT business_date AS date, org_name AS provider, COUNT(*) AS count FROM monitor_sla_violations
       WHERE date_kind = 'business' AND business_date >= ? AND business_date <= ? GROUP BY business_date, org_name ORDER BY business_date, org_name`,
    )
    .all(from, to) as Array<{ date: string; provider: string; count: number }>;
}
