import type { Db } from '../../db/open.js';

/**
 * The business keys a monitor has handed to the outbox. v1 de-duplicated on its own key without
 * the recipient (a provider that later gets its own webhook is not re-sent old violations), so
 * "already notified" is decided per (job, business type, business id).
 */
export interface NotifiedRow {
  jobId: string;
  businessType: string;
  businessId: string;
  recipient: string;
  stateKey?: string | null;
  runId?: number | null;
  scheduledAt: string;
}

export function isNotified(db: Db, jobId: string, businessType: string, businessId: string): boolean {
  return db.prepare('SELECT 1 FROM monitor_notified WHERE job_id = ? AND business_type = ? AND business_id = ?').get(jobId, businessType, businessId) !== undefined;
}

/** Records a key; false when it was already there. */
export function markNotified(db: Db, row: NotifiedRow): boolean {
  const info = db
    .prepare(
      `INSERT INTO monitor_notified (job_id, business_type, business_id, recipient, state_key, run_id, scheduled_at)
       VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    )
    .run(row.jobId, row.businessType, row.businessId, row.recipient, row.stateKey ?? null, row.runId ?? null, row.scheduledAt);
  return info.changes > 0;
}

/** The state keys a job stored (the technician status file's ids). */
export function stateKeys(db: Db, jobId: string): Set<string> {
  const rows = db.prepare('SELECT state_key AS k FROM monitor_notified WHERE job_id = ? AND state_key IS NOT NULL').all(jobId) as Array<{ k: string }>;
  return new Set(rows.map((r) => r.k));
}
