import type { Herald, Service } from '../core/herald.js';
import { registerSentHook, type SentMessage } from '../outbox/sent-hooks.js';
import { registerKnownRecipients } from '../outbox/known-recipients.js';
import { MONITOR_RECIPIENTS } from './known-recipients.js';
import type { Db } from '../db/open.js';
import { PENDING_DIGEST } from './jobs/pending-orders-reminder.js';
import { markPendingOrdersNotified } from './store/pending-orders.js';

/**
 * After a digest is delivered (or a person marks it sent), the orders it listed are marked
 * notified, as v1 did from the outbox row's `pending_order_fingerprints`.
 */
export function markDigestOrders(db: Db, message: SentMessage): void {
  const fingerprints = message.metadata?.pendingOrderFingerprints;
  if (!Array.isArray(fingerprints)) return;
  markPendingOrdersNotified(db, fingerprints.filter((f): f is string => typeof f === 'string'), new Date(message.sentAt).toISOString());
}

/**
 * The monitors' part of a running Herald: the outbox's sent hook for the pending-orders digest and
 * the recipients the monitors send to (listed in Settings → Recipients before they are configured).
 * Started before the outbox service, so no digest is delivered without it.
 */
export function monitorsService(_herald: Herald): Service {
  let undo: Array<() => void> = [];
  return {
    name: 'monitors',
    start() {
      undo = [registerSentHook(PENDING_DIGEST, markDigestOrders), registerKnownRecipients(MONITOR_RECIPIENTS)];
    },
    stop() {
      for (const fn of undo.splice(0)) fn();
    },
  };
}
