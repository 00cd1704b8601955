import type { Enqueue } from '../../outbox/types.js';
import { HeraldError } from '../../shared/errors.js';

/**
 * The enqueue function pipeline workers use by default (the runner passes this module's URL to each
 * worker). Until main/outbox/enqueue.ts lands, a run that produces messages fails clearly and
 * writes nothing. When it lands, this file becomes the single line
 *   export { enqueueMessage } from '../../outbox/enqueue.js';
 */
export const enqueueMessage: Enqueue = (_db, message) => {
  throw new HeraldError('OUTBOX_NOT_AVAILABLE', 'The outbox is not built into this Herald yet, so the run cannot enqueue its messages.', {
    businessType: message.businessType,
    businessId: message.businessId,
  });
};
