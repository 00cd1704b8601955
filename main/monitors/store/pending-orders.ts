import type { Db } from '../../db/open.js';
import type { PendingSnapshot, StoredPendingOrder } from '../transforms/pending-orders.js';
import { sqlParam } from './sql-params.js';

/** Pending-order status snapshots (`monitor_pending_orders`; v1 `pending_order_reminders`). */

/**
 * v1's upsert: a new fingerprint is inserted; a known one is refreshed and reactivated, its
 * notified flag reset only if it had been inactive. The row id of a known snapshot is kept.
 */
export function upsertSnapshot(db: Db, s: PendingSnapshot, at: string): void {
  db.prepare(
    `INSERT INTO monitor_pending_orders (
       order_num, customer_name, address, supervisor_name, create_time, org_name, order_status, status_fingerprint,
       eligible_since, is_active, notification_sent, first_seen_at, last_seen_at, extensions
     ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 0, ?, ?, ?)
     ON CONFLICT (status_fingerprint) DO UPDATE SET
       order_num = excluded.order_num, customer_name = excluded.customer_name, address = excluded.address,
       supervisor_name = excluded.supervisor_name, create_time = excluded.create_time, org_name = excluded.org_name,
       order_status = excluded.order_status, eligible_since = excluded.eligible_since, is_active = 1,
       notification_sent = CASE WHEN monitor_pending_orders.is_active = 0 THEN 0 ELSE monitor_pending_orders.notification_sent END,
       last_seen_at = excluded.last_seen_at, resolved_at = NULL, extensions = excluded.extensions`,
  ).run(
    s.orderNum,
    sqlParam(s.customerName, 'name'),
    sqlParam(s.address, 'address'),
    sqlParam(s.supervisorName, 'supervisorName'),
    s.createTime,
    sqlParam(s.orgName, 'orgName'),
    sqlParam(s.orderStatus, 'orderstatus'),
    s.fingerprint,
    at,
    at,
    at,
    JSON.stringify({ hours_elapsed: Math.round(s.hoursElapsed * 100) / 100 }),
  );
}

/** Deactivates every active snapshot not seen in this run; returns how many. */
export function deactivateMissing(db: Db, seen: readonly string[], at: string): number {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS monitor_seen_fingerprints (fp TEXT PRIMARY KEY)');
  db.exec('DELETE FROM monitor_seen_fingerprints');
  const add = db.prepare('INSERT OR IGNORE INTO monitor_seen_fingerprints (fp) VALUES (?)');
  for (const fp of seen) add.run(fp);
  return db
    .prepare(
      `UPDATE monitor_pending_orders SET is_active = 0, resolved_at = ?, last_seen_at = ?
       WHERE is_active = 1 AND status_fingerprint NOT IN (SELECT fp FROM monitor_seen_fingerprints)`,
    )
    .run(at, at).changes;
}

/** A provider's active snapshots by create time (as text, like v1), order number, then age. */
export function activeOrdersOf(db: Db, orgName: unknown): Array<StoredPendingOrder & { fingerprint: string }> {
  return db
    .prepare(
      `SELECT order_num AS orderNum, customer_name AS customerName, address, supervisor_name AS supervisorName,
              create_time AS createTime, order_status AS orderStatus, status_fingerprint AS fingerprint
       FROM monitor_pending_orders WHERE is_active = 1 AND org_name = ? ORDER BY create_time, order_num, id`,
    )
    .all(sqlParam(orgName, 'orgName')) as Array<StoredPendingOrder & { fingerprint: string }>;
}

/**
 * After a digest was delivered: its orders are marked notified (v1 did this from the outbox row's
 * `pending_order_fingerprints` metadata). For the outbox's sent hook.
 */
export function markPendingOrdersNotified(db: Db, fingerprints: readonly string[], at: string): number {
  const update = db.prepare('UPDATE monitor_pending_orders SET notification_sent = 1, last_notified_at = ? WHERE status_fingerprint = ?');
  let changed = 0;
  for (const fp of fingerprints) changed += update.run(at, fp).changes;
  return changed;
}
