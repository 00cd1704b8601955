import type { Db } from '../../main/db/open.js';
import type { OutboundMessage } from '../../main/outbox/types.js';

/** The live side's enqueue inside a worker, into the test stand-in for the outbox (test/helpers/shadow-pipelines.ts). */
export function enqueue(db: Db, m: OutboundMessage) {
  const info = db
    .prepare('INSERT INTO test_outbox (business_id, recipient, text, job_id, run_id) VALUES (?, ?, ?, ?, ?)')
    .run(m.businessId, m.recipient, m.content.kind === 'text' ? m.content.text : '', m.jobId ?? null, m.runId ?? null);
  return { id: `MSG${info.lastInsertRowid}`, created: true };
}
