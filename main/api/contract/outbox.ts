import { z } from 'zod';
import { method, NoInput } from './define.js';
import { ChannelTypeSchema } from './channel-model.js';

export const MESSAGE_STATUSES = ['pending', 'sending', 'sent', 'unknown', 'failed', 'dead', 'cancelled'] as const;
export const MessageStatusSchema = z.enum(MESSAGE_STATUSES);

/** The kinds of entries on a message's trace, in the order a message usually meets them. */
export const TRACE_KINDS = [
  'enqueued',
  'sending',
  'part-sent',
  'sent',
  'attempt-failed',
  'rate-limited',
  'deferred',
  'window-wait',
  'fallback',
  'recipient-fallback',
  'dead',
  'unknown',
  'interrupted',
  'cancelled',
  'manual-retry',
  'marked-sent',
  'send-again',
  'late-result',
  'hook-failed',
] as const;
export const TraceKindSchema = z.enum(TRACE_KINDS);

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const text = z.string().max(200);

export const MessageFilterSchema = z
  .object({
    status: z.array(MessageStatusSchema).optional(),
    channel: ChannelTypeSchema.optional(),
    jobId: text.optional(),
    businessType: text.optional(),
    businessId: text.optional(),
    recipient: text.optional(),
    /** Days in Asia/Shanghai, inclusive. */
    from: day.optional(),
    to: day.optional(),
    text: text.optional(),
  })
  .strict();

const iso = z.string().nullable();

export const MessageSummarySchema = z.object({
  id: z.string(),
  businessType: z.string(),
  businessId: z.string(),
  recipient: z.string(),
  jobId: z.string().nullable(),
  runId: z.number().int().nullable(),
  channel: z.string().nullable(),
  status: MessageStatusSchema,
  contentKind: z.string(),
  /** The first 200 characters of the rendered content. */
  preview: z.string(),
  attempts: z.number().int(),
  partsSent: z.number().int(),
  partsTotal: z.number().int().nullable(),
  nextAttemptAt: iso,
  waitReason: z.string().nullable(),
  lastError: z.string().nullable(),
  lastErrorCode: z.string().nullable(),
  possibleDuplicate: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  sentAt: iso,
});

export const TraceEntrySchema = z.object({
  at: z.string(),
  kind: TraceKindSchema,
  status: z.string().nullable(),
  channel: z.string().nullable(),
  attempt: z.number().int().nullable(),
  part: z.number().int().nullable(),
  code: z.string().nullable(),
  responseStatus: z.number().int().nullable(),
  responseBody: z.string().nullable(),
  detail: z.string().nullable(),
});

const statusCounts = z.record(MessageStatusSchema, z.number().int());

export const ChannelFiguresSchema = z.object({
  /** '' = not yet routed. */
  channel: z.string(),
  total: z.number().int(),
  byStatus: statusCounts,
  successRate: z.number().nullable(),
  retries: z.number().int(),
  avgLatencyMs: z.number().nullable(),
});

const id = z.object({ id: z.string().min(1).max(64) }).strict();
const withNote = z.object({ id: z.string().min(1).max(64), note: z.string().max(500).optional() }).strict();
const actionOutput = z.object({ id: z.string(), status: MessageStatusSchema });

export const outboxMethods = {
  'outbox.list': method({
    input: z
      .object({ filter: MessageFilterSchema.default({}), page: z.number().int().min(1).default(1), pageSize: z.number().int().min(1).max(500).default(50) })
      .strict()
      .default({ filter: {}, page: 1, pageSize: 50 }),
    output: z.object({ items: z.array(MessageSummarySchema), total: z.number().int(), counts: statusCounts }),
    summary: 'Messages matching the combined filters, newest first, with the counts per status.',
  }),
  'outbox.get': method({
    input: id,
    output: z.object({
      message: MessageSummarySchema.extend({ content: z.string(), metadata: z.record(z.string(), z.unknown()).nullable(), exhaustedChannels: z.array(z.string()) }),
      trace: z.array(TraceEntrySchema),
    }),
    summary: 'One message with its full content and its trace (enqueued, attempts with responses, fallbacks, outcome).',
  }),
  'outbox.stats': method({
    input: NoInput,
    output: z.object({
      day: z.string(),
      channels: z.array(ChannelFiguresSchema),
      statusCounts,
      sendingEnabled: z.boolean(),
      /** Sends interrupted by a crash so far (each possibly delivered twice or not at all). */
      interrupted: z.number().int(),
    }),
    summary: "Today's totals, success rate, retries and average delivery latency per channel; the stop switch.",
  }),
  'outbox.retry': method({ input: withNote, output: actionOutput, summary: 'Send a failed, dead or cancelled message again from the start of its route.' }),
  'outbox.cancel': method({ input: withNote, output: actionOutput, summary: 'Never send this message.' }),
  'outbox.markSent': method({ input: withNote, output: actionOutput, summary: 'An unknown message did arrive: record it as sent (runs the sent-hooks).' }),
  'outbox.sendAgain': method({ input: withNote, output: actionOutput, summary: 'An unknown message did not arrive: send it again (flagged as a possible duplicate).' }),
  'outbox.bulkRetry': method({
    input: z
      .object({ ids: z.array(z.string()).max(10_000).optional(), filter: MessageFilterSchema.optional() })
      .strict()
      .refine((v) => (v.ids === undefined) !== (v.filter === undefined), 'give either ids or a filter'),
    output: z.object({ changed: z.number().int(), skipped: z.number().int() }),
    summary: 'Retry a selection, or every message a filter matches; messages that cannot be retried are skipped.',
  }),
  'outbox.setSendingEnabled': method({
    input: z.object({ enabled: z.boolean() }).strict(),
    output: z.object({ enabled: z.boolean() }),
    summary: 'The global "stop all sending" switch (also in the tray): off = messages wait, nothing is lost.',
  }),
};
