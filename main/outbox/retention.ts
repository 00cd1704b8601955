import type { Db } from '../db/open.js';

const DAY_MS = 86_400_000;

/**
 * Deletes sent and cancelled messages (and their traces) older than `retentionDays`. Their
 * identities stay in `message_identities`, so a job enqueuing the same business event again still
 * gets "already exists" and nothing is sent twice.
 */
export function pruneMessages(db: Db, retentionDays: number, now: number): number {
  const cutoff = now - retentionDays * DAY_MS;
  return db
    .transaction(() => {
      const old = "SELECT seq FROM messages WHERE status IN ('sent','cancelled') AND updated_at < ?";
      db.prepare(`DELETE FROM message_events WHERE message_seq IN (${old})`).run(cutoff);
      return db.prepare(`DELETE FROM messages WHERE seq IN (${old})`).run(cutoff).changes;
    })
    .immediate();
}
