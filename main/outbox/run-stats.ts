import type { Db } from '../db/open.js';
import type { NotificationStats } from '../shadow/run-store.js';

/**
 * How a run's messages fared, for shadow mode's notification-success KPI: delivered (sent) against
 * given up on (dead); messages still on their way count for neither. `null` when the run sent nothing.
 */
export function runNotificationStats(db: () => Db): NotificationStats {
  return (runId) => {
    const row = db()
      .prepare("SELECT SUM(status = 'sent') AS sent, SUM(status = 'dead') AS failed, COUNT(*) AS n FROM messages WHERE run_id = ?")
      .get(runId) as { sent: number | null; failed: number | null; n: number };
    return row.n === 0 ? null : { sent: row.sent ?? 0, failed: row.failed ?? 0 };
  };
}
