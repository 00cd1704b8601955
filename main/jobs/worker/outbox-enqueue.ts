/** The enqueue function pipeline workers use by default (the runner passes this module's URL to each worker). */
export { enqueueMessage } from '../../outbox/enqueue.js';
