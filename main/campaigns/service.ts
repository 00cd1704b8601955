import type { Herald, Service } from '../core/herald.js';
import { registerKnownRecipients } from '../outbox/known-recipients.js';
import { registerSentHook } from '../outbox/sent-hooks.js';
import { ANNOUNCEMENT, utcDateTime } from './pipelines/common.js';
import { CAMPAIGN_RECIPIENTS } from './recipients.js';
import { markAnnounced, parseBusinessId } from './store/announced.js';

/**
 * The campaigns' part of a running Herald: when a group announcement is delivered (or a person
 * marks it sent), its contract's stored row says so (ledger `是否发送通知` = Y, `notification_sent`
 * = 1); and the recipients the campaigns send to are known to Settings → Recipients. Started before
 * the outbox service, so no delivery happens without the hook.
 */
export function campaignsService(herald: Herald): Service {
  let undo: Array<() => void> = [];
  return {
    name: 'campaigns',
    start() {
      undo = [
        registerKnownRecipients(CAMPAIGN_RECIPIENTS),
        registerSentHook(ANNOUNCEMENT, (db, message) => {
          const id = parseBusinessId(message.businessId);
          if (!id) return;
          markAnnounced(db, id.activityCode, id.contractId, utcDateTime(new Date(message.sentAt)));
          herald.events.invalidate('campaigns');
        }),
      ];
    },
    stop() {
      for (const fn of undo.splice(0)) fn();
    },
  };
}
