import type { Db } from '../db/open.js';
import type { Logger } from '../logging/logger.js';
import { metadataOf, patchMessage, type MessageRow } from './message-row.js';
import { hasSentHooks, runSentHooks } from './sent-hooks.js';
import { addTrace, type TraceEntry, type TraceKind } from './trace.js';

/**
 * The status writes more than one path makes (the worker, a person's action): sent (with the
 * sent-hooks in the same transaction) and dead.
 */
export function markSent(
  db: Db,
  row: MessageRow,
  now: number,
  how: Extract<TraceKind, 'sent' | 'marked-sent' | 'late-result'>,
  log: Logger,
  trace: Omit<TraceEntry, 'kind' | 'status'> = {},
): void {
  patchMessage(db, row.seq, {
    status: 'sent',
    sent_at: now,
    updated_at: now,
    lease_owner: null,
    lease_until: null,
    wait_reason: null,
    last_error: null,
    last_error_code: null,
    ...(how === 'sent' && row.parts_total !== null ? { parts_sent: row.parts_total } : {}),
  });
  addTrace(db, row.seq, now, { channel: row.channel, ...trace, kind: how, status: 'sent' });
  if (!hasSentHooks(row.business_type)) return;
  // A failing hook must not undo the delivery record (the message went out): its writes roll back
  // alone and the trace says so; the identity stays, so nothing is sent twice.
  const savepoint = db.transaction(() =>
    runSentHooks(db, {
      id: row.id,
      businessType: row.business_type,
      businessId: row.business_id,
      recipient: row.recipient,
      channel: row.channel,
      metadata: metadataOf(row),
      sentAt: now,
    }),
  );
  try {
    savepoint();
  } catch (err) {
    log.error('A sent-hook failed; the message stays sent', { message: row.id, businessType: row.business_type, error: (err as Error).message });
    addTrace(db, row.seq, now, { kind: 'hook-failed', status: 'sent', detail: (err as Error).message });
  }
}

export function markDead(db: Db, row: MessageRow, now: number, reason: string, code: string): void {
  patchMessage(db, row.seq, { status: 'dead', updated_at: now, lease_owner: null, lease_until: null, wait_reason: null, last_error: reason, last_error_code: code });
  addTrace(db, row.seq, now, { kind: 'dead', status: 'dead', channel: row.channel, code, detail: reason });
}
