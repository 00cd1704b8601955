import type { Migration } from './types.js';

/**
 * The monitors' state (spec §8.2): SLA violation snapshots per date, pending-order status
 * snapshots, and the business keys each monitor has already handed to the outbox (v1's outbox
 * dedupe keys, smartsheet rows, the technician status file).
 */
export const monitorsSchema: Migration = {
  version: 400,
  name: 'monitors: SLA violations, pending-order snapshots, notified keys',
  up: `
    CREATE TABLE monitor_sla_violations (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      -- 'business': 2026 semantics, keyed by the business date (yesterday);
      -- 'run': PC-era semantics, keyed by the run date.
      date_kind TEXT NOT NULL CHECK (date_kind IN ('business', 'run')),
      business_date TEXT NOT NULL,
      violation_id TEXT DEFAULT '',
      sid TEXT DEFAULT '',
      sa_create_time TEXT NOT NULL,
      order_num TEXT NOT NULL,
      province TEXT DEFAULT '',
      org_name TEXT NOT NULL,
      supervisor_name TEXT DEFAULT '',
      source_type TEXT DEFAULT '',
      status TEXT DEFAULT '',
      violation_type TEXT DEFAULT '',
      violation_description TEXT DEFAULT '',
      work_type TEXT DEFAULT '',
      create_time TEXT DEFAULT '',
      raw_json TEXT DEFAULT '',
      run_id INTEGER,
      stored_at TEXT NOT NULL
    );
    -- v1's UNIQUE key (spec §12.8), for the 2026 snapshots only.
    CREATE UNIQUE INDEX monitor_sla_violations_identity
      ON monitor_sla_violations (business_date, order_num, org_name, violation_type, violation_description)
      WHERE date_kind = 'business';
    CREATE INDEX monitor_sla_violations_window ON monitor_sla_violations (date_kind, business_date, org_name);

    CREATE TABLE monitor_pending_orders (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      order_num TEXT NOT NULL,
      customer_name TEXT,
      address TEXT,
      supervisor_name TEXT,
      create_time TEXT NOT NULL,
      org_name TEXT NOT NULL,
      order_status TEXT NOT NULL,
      -- sha256("{order_num}::{order_status}"): a status change is a new snapshot.
      status_fingerprint TEXT NOT NULL UNIQUE,
      eligible_since TEXT NOT NULL,
      is_active INTEGER NOT NULL DEFAULT 1,
      notification_sent INTEGER NOT NULL DEFAULT 0,
      first_seen_at TEXT NOT NULL,
      last_seen_at TEXT NOT NULL,
      last_notified_at TEXT,
      resolved_at TEXT,
      extensions TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX monitor_pending_orders_active ON monitor_pending_orders (is_active, org_name);

    CREATE TABLE monitor_notified (
      job_id TEXT NOT NULL,
      business_type TEXT NOT NULL,
      business_id TEXT NOT NULL,
      recipient TEXT NOT NULL,
      -- What v1 kept in its own state for this message (the technician status file's key).
      state_key TEXT,
      run_id INTEGER,
      scheduled_at TEXT NOT NULL,
      PRIMARY KEY (job_id, business_type, business_id)
    ) WITHOUT ROWID;
    CREATE INDEX monitor_notified_state ON monitor_notified (job_id, state_key);
  `,
};
