import type { Db } from '../db/open.js';
import type { Logger } from '../logging/logger.js';
import { HeraldError } from '../shared/errors.js';
import { getMessageRowById, patchMessage, type MessageRow, type MessageStatus } from './message-row.js';
import { addTrace } from './trace.js';
import { markSent } from './transitions.js';

/** What a person can do to a message, and from which statuses. */
export const ACTIONS = {
  retry: ['failed', 'dead', 'cancelled'],
  cancel: ['pending', 'failed', 'unknown', 'dead'],
  markSent: ['unknown'],
  sendAgain: ['unknown'],
} as const satisfies Record<string, readonly MessageStatus[]>;
export type ActionName = keyof typeof ACTIONS;

export interface ActionResult {
  changed: string[];
  skipped: Array<{ id: string; status: string }>;
}

function apply(db: Db, row: MessageRow, action: ActionName, now: number, log: Logger, note?: string): void {
  const detail = note ?? null;
  switch (action) {
    case 'retry':
      // A fresh start on the route: every channel may be tried again; parts already delivered stay delivered.
      patchMessage(db, row.seq, { status: 'pending', attempts: 0, exhausted_channels: '[]', next_attempt_at: 0, wait_reason: null, updated_at: now });
      addTrace(db, row.seq, now, { kind: 'manual-retry', status: 'pending', channel: row.channel, detail });
      return;
    case 'cancel':
      patchMessage(db, row.seq, { status: 'cancelled', wait_reason: null, updated_at: now });
      addTrace(db, row.seq, now, { kind: 'cancelled', status: 'cancelled', channel: row.channel, detail });
      return;
    case 'markSent':
      markSent(db, row, now, 'marked-sent', log, { detail });
      return;
    case 'sendAgain':
      patchMessage(db, row.seq, { status: 'pending', attempts: 0, next_attempt_at: 0, possible_duplicate: 1, updated_at: now });
      addTrace(db, row.seq, now, { kind: 'send-again', status: 'pending', channel: row.channel, detail });
      return;
  }
}

/**
 * Applies a person's action to messages by id, in one transaction. Messages in a status the action
 * does not apply to are skipped and listed (a bulk retry over a filter meets all kinds).
 */
export function applyAction(db: Db, action: ActionName, ids: readonly string[], now: number, log: Logger, note?: string): ActionResult {
  const allowed: readonly string[] = ACTIONS[action];
  return db
    .transaction((): ActionResult => {
      const result: ActionResult = { changed: [], skipped: [] };
      for (const id of ids) {
        const row = getMessageRowById(db, id);
        if (!row) throw new HeraldError('MESSAGE_NOT_FOUND', `There is no message ${id} (it may have been pruned).`, { message: id });
        if (!allowed.includes(row.status)) {
          result.skipped.push({ id, status: row.status });
          continue;
        }
        apply(db, row, action, now, log, note);
        result.changed.push(id);
      }
      return result;
    })
    .immediate();
}

/** A single-message action: a wrong status is an error a person reads, not a silent skip. */
export function applyOne(db: Db, action: ActionName, id: string, now: number, log: Logger, note?: string): void {
  const result = applyAction(db, action, [id], now, log, note);
  const skipped = result.skipped[0];
  if (skipped) {
    throw new HeraldError('MESSAGE_STATE', `Message ${id} is ${skipped.status}; "${action}" applies only to ${ACTIONS[action].join(', ')} messages.`, { message: id, status: skipped.status, action });
  }
}
