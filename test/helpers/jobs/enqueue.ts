import type { Enqueue } from '../../../main/outbox/types.js';

/** Stands in for main/outbox/enqueue.ts in tests: one row per business identity in `test_outbox`. */
export const enqueueMessage: Enqueue = (db, message) => {
  const result = db
    .prepare('INSERT INTO test_outbox (business_type, business_id, recipient, text, job_id, run_id) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING')
    .run(message.businessType, message.businessId, message.recipient, JSON.stringify(message.content), message.jobId ?? null, message.runId ?? null);
  return { id: `TEST${result.lastInsertRowid}`, created: result.changes === 1 };
};
