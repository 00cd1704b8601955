import { z } from 'zod';
import { LogEntrySchema } from './system.js';

/**
 * Live updates pushed to the UI (SSE in headless mode, IPC in the app). Most are invalidation
 * signals — "runs changed, maybe run 42" — and the page refetches what it shows; log entries carry
 * their data because the Logs page appends them.
 */
export const TopicSchema = z.enum(['status', 'settings', 'jobs', 'runs', 'outbox', 'channels', 'campaigns', 'shadow', 'sources']);
export type Topic = z.infer<typeof TopicSchema>;

export const HeraldEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('invalidate'), topic: TopicSchema, key: z.string().optional() }),
  z.object({ type: z.literal('log'), entry: LogEntrySchema }),
  /** Something a person should notice even with the window closed: the app shows a Windows notification. */
  z.object({ type: z.literal('alert'), kind: z.enum(['run-failed', 'message-dead', 'template-failed', 'shadow-alert']), title: z.string(), body: z.string() }),
]);
export type HeraldEvent = z.infer<typeof HeraldEventSchema>;
