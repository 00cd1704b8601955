import { openDatabase, type Db } from '../db/open.js';
import { HeraldError } from '../shared/errors.js';
import type { SqlValue } from './types.js';

/**
 * v1's SQLite database (spec §8.2: `performance_data.db` of the PC's new architecture, or a copy of
 * the 2026 Turso database): the tables Herald takes over, read as they are. Tables a copy lacks
 * (the PC database has no outbox) read as empty.
 */
export type V1Row = Record<string, SqlValue>;

export interface V1Database {
  tables: string[];
  performanceData: V1Row[];
  outbox: V1Row[];
  pendingOrders: V1Row[];
  slaViolations: V1Row[];
}

function rowsOf(db: Db, tables: readonly string[], table: string): V1Row[] {
  return tables.includes(table) ? (db.prepare(`SELECT * FROM ${table} ORDER BY id`).all() as V1Row[]) : [];
}

export function readV1Database(file: string): V1Database {
  const db = openDatabase(file, { readonly: true });
  try {
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((t) => t.name);
    const known = ['performance_data', 'notification_outbox', 'pending_order_reminders', 'sla_violation_records'];
    if (!known.some((t) => tables.includes(t))) {
      throw new HeraldError('V1_IMPORT_UNREADABLE', `${file} holds none of v1's tables (${known.join(', ')}).`, { file });
    }
    return {
      tables,
      performanceData: rowsOf(db, tables, 'performance_data'),
      outbox: rowsOf(db, tables, 'notification_outbox'),
      pendingOrders: rowsOf(db, tables, 'pending_order_reminders'),
      slaViolations: rowsOf(db, tables, 'sla_violation_records'),
    };
  } finally {
    db.close();
  }
}

/** v1's extensions JSON (the record dict); an unreadable one reads as empty. */
export function extensionsOf(row: V1Row): Record<string, unknown> {
  try {
    const parsed = JSON.parse(String(row.extensions ?? '')) as unknown;
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const PERFORMANCE_COLUMNS = [
  'activity_code', 'contract_id', 'housekeeper', 'service_provider', 'contract_amount', 'performance_amount', 'paid_amount', 'project_id', 'order_type',
  'contract_sequence', 'reward_types', 'reward_names', 'is_historical', 'notification_sent', 'remarks', 'created_at', 'updated_at', 'extensions',
] as const;

/** A `performance_data` row as `campaign_performance_data` holds it (+ the project address from its record). */
export function performanceValues(row: V1Row, importedAt: string): Record<string, SqlValue> {
  const values: Record<string, SqlValue> = Object.fromEntries(PERFORMANCE_COLUMNS.map((c) => [c, row[c] ?? null]));
  values.created_at ??= importedAt;
  values.updated_at ??= values.created_at;
  const address = extensionsOf(row)['项目地址(projectAddress)'];
  values.project_address = typeof address === 'string' ? address : '';
  values.contract_id = String(row.contract_id);
  return values;
}

const PENDING_COLUMNS = [
  'order_num', 'customer_name', 'address', 'supervisor_name', 'create_time', 'org_name', 'order_status', 'status_fingerprint', 'eligible_since', 'is_active',
  'notification_sent', 'first_seen_at', 'last_seen_at', 'last_notified_at', 'resolved_at', 'extensions',
] as const;

/** A `pending_order_reminders` row as `monitor_pending_orders` holds it. */
export function pendingOrderValues(row: V1Row, importedAt: string): Record<string, SqlValue> {
  const values: Record<string, SqlValue> = Object.fromEntries(PENDING_COLUMNS.map((c) => [c, row[c] ?? null]));
  values.is_active = row.is_active === null || row.is_active === undefined ? 1 : Number(row.is_active) ? 1 : 0;
  values.notification_sent = Number(row.notification_sent) ? 1 : 0;
  values.first_seen_at ??= importedAt;
  values.last_seen_at ??= importedAt;
  values.eligible_since ??= importedAt;
  values.extensions ??= '';
  return values;
}

const SLA_COLUMNS = [
  'business_date', 'violation_id', 'sid', 'sa_create_time', 'order_num', 'province', 'org_name', 'supervisor_name', 'source_type', 'status',
  'violation_type', 'violation_description', 'work_type', 'create_time', 'raw_json',
] as const;

/** An `sla_violation_records` row as a 2026 snapshot row of `monitor_sla_violations`. */
export function slaViolationValues(row: V1Row, importedAt: string): Record<string, SqlValue> {
  const values: Record<string, SqlValue> = Object.fromEntries(SLA_COLUMNS.map((c) => [c, row[c] ?? '']));
  return { date_kind: 'business', ...values, run_id: null, stored_at: String(row.updated_at ?? row.created_at ?? importedAt) };
}
