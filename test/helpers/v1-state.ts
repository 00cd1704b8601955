import { createHash } from 'node:crypto';
import { openDatabase, type Db } from '../../main/db/open.js';

// No vitest imports here.

/**
 * v1's own storage, built for import tests: the 2026 database with the schema of spec §8.2 / §5.5
 * (`modules/core/database_schema.sql` 1.3.0) and the PC era's task queue (§5.1).
 */
export const V1_SCHEMA = `
CREATE TABLE IF NOT EXISTS performance_data (
  id INTEGER PRIMARY KEY AUTOINCREMENT, activity_code TEXT NOT NULL, contract_id TEXT NOT NULL,
  housekeeper TEXT NOT NULL, service_provider TEXT, contract_amount REAL NOT NULL, performance_amount REAL NOT NULL,
  paid_amount REAL DEFAULT 0, project_id TEXT, order_type TEXT DEFAULT 'platform',
  contract_sequence INTEGER DEFAULT 0, reward_types TEXT, reward_names TEXT,
  is_historical BOOLEAN DEFAULT FALSE, notification_sent BOOLEAN DEFAULT FALSE, remarks TEXT DEFAULT '',
  created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP, updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
  extensions TEXT, UNIQUE(activity_code, contract_id));
CREATE INDEX IF NOT EXISTS idx_hk_activity ON performance_data (housekeeper, activity_code);
CREATE TABLE IF NOT EXISTS schema_version (version TEXT PRIMARY KEY, applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP, description TEXT);
INSERT OR IGNORE INTO schema_version (version, description) VALUES ('1.3.0', 'outbox, pending orders, SLA records');
CREATE TABLE IF NOT EXISTS notification_outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT, activity_code TEXT NOT NULL, contract_id TEXT NOT NULL,
  message_type TEXT NOT NULL DEFAULT 'group_broadcast', webhook_url TEXT NOT NULL,
  payload_json TEXT NOT NULL, metadata_json TEXT DEFAULT '', dedupe_key TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'pending', attempt_count INTEGER NOT NULL DEFAULT 0, response_code INTEGER DEFAULT 0,
  response_body TEXT DEFAULT '', last_error TEXT DEFAULT '', sent_at TIMESTAMP, created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
  updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP, UNIQUE(activity_code, dedupe_key));
CREATE INDEX IF NOT EXISTS idx_outbox_retry ON notification_outbox (activity_code, status, attempt_count, created_at);
CREATE TABLE IF NOT EXISTS pending_order_reminders (
  id INTEGER PRIMARY KEY AUTOINCREMENT, activity_code TEXT NOT NULL, order_num TEXT NOT NULL, customer_name TEXT, address TEXT,
  supervisor_name TEXT, create_time TEXT, org_name TEXT, order_status TEXT, status_fingerprint TEXT NOT NULL, eligible_since TEXT,
  is_active BOOLEAN DEFAULT TRUE, notification_sent BOOLEAN DEFAULT FALSE, first_seen_at TEXT, last_seen_at TEXT,
  last_notified_at TEXT, resolved_at TEXT, extensions TEXT DEFAULT '', UNIQUE(activity_code, status_fingerprint));
CREATE TABLE IF NOT EXISTS sla_violation_records (
  id INTEGER PRIMARY KEY AUTOINCREMENT, business_date TEXT NOT NULL, violation_id TEXT, sid TEXT, sa_create_time TEXT, order_num TEXT,
  province TEXT, org_name TEXT, supervisor_name TEXT, source_type TEXT, status TEXT, violation_type TEXT, violation_description TEXT,
  work_type TEXT, create_time TEXT, raw_json TEXT, created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP, updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
  UNIQUE(business_date, order_num, org_name, violation_type, violation_description));
CREATE INDEX IF NOT EXISTS idx_sla_date_org ON sla_violation_records (business_date, org_name);
`;

export const TASKS_SCHEMA = `CREATE TABLE tasks (id INTEGER PRIMARY KEY AUTOINCREMENT, task_type TEXT NOT NULL, recipient TEXT NOT NULL,
  message TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'pending', created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP, updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP)`;

export function createV1Database(file: string): Db {
  const db = openDatabase(file);
  db.exec(V1_SCHEMA);
  return db;
}

export interface V1Task {
  id: number;
  task_type: string;
  recipient: string;
  message: string;
  status: string;
  created_at: string;
}

export function createTasksDb(file: string, tasks: readonly V1Task[]): void {
  const db = openDatabase(file);
  db.exec(TASKS_SCHEMA);
  const insert = db.prepare('INSERT INTO tasks (id, task_type, recipient, message, status, created_at, updated_at) VALUES (@id, @task_type, @recipient, @message, @status, @created_at, @created_at)');
  for (const t of tasks) insert.run(t);
  db.close();
}

/** v1's payload serialisation (`json.dumps(..., ensure_ascii=False)`, default separators). */
export function v1PayloadJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(v1PayloadJson).join(', ')}]`;
  if (typeof value === 'object') return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${JSON.stringify(k)}: ${v1PayloadJson(v)}`).join(', ')}}`;
  return JSON.stringify(value);
}

/** The sign broadcast's dedupe key (spec §5.5): `{_id}::group_broadcast::{sha256(payload)[:16]}`. */
export function groupBroadcastKey(contractId: string, payload: string): string {
  return `${contractId}::group_broadcast::${createHash('sha256').update(payload, 'utf8').digest('hex').slice(0, 16)}`;
}
