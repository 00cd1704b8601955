import { z } from 'zod';
import { method, NoInput } from './define.js';
import { ChannelTypeSchema, InterruptedPolicySchema, RetryPolicySchema, SendingWindowSchema } from './channel-model.js';

const recipientId = z.string().trim().min(1).max(200).regex(/^[^\s]/, 'no leading space');

export const LastErrorSchema = z.object({ at: z.string(), messageId: z.string(), kind: z.string(), code: z.string().nullable(), detail: z.string().nullable() });

export const ChannelViewSchema = z.object({
  type: ChannelTypeSchema,
  enabled: z.boolean(),
  /** Why it cannot send now (missing settings), null when it can. */
  unconfigured: z.string().nullable(),
  settings: z.record(z.string(), z.unknown()),
  /** Write-only secrets: whether each is set, and its last 4 characters. */
  secrets: z.record(z.string(), z.object({ set: z.boolean(), masked: z.string() })),
  retry: RetryPolicySchema,
  window: SendingWindowSchema.nullable(),
  onInterrupted: InterruptedPolicySchema,
  lastErrors: z.array(LastErrorSchema),
});

const bilingual = z.object({ 'zh-CN': z.string(), en: z.string() });

export const RecipientSchema = z.object({
  id: z.string(),
  name: z.string(),
  note: z.string(),
  /** In route order; a secret address (robot webhook) is shown masked. */
  route: z.array(z.object({ channel: ChannelTypeSchema, address: z.string(), secret: z.boolean() })),
  /** False for a recipient a job sends to that nobody configured yet: its messages fail until it is. */
  configured: z.boolean(),
  /** Declared by the capability that sends to it: its name (and who uses it) in both UI languages. */
  known: z.object({ name: bilingual, usedBy: bilingual.optional() }).nullable(),
});

const TemplateVariableSchema = z.object({ name: z.string().regex(/^[\w.-]+$/, 'letters, digits, _ . -'), sample: z.string().optional() });

export const TemplateSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  channel: ChannelTypeSchema.nullable(),
  contentKind: z.enum(['text', 'markdown']),
  body: z.string(),
  variables: z.array(TemplateVariableSchema),
  kind: z.enum(['scheduled', 'realtime']),
  cron: z.string().nullable(),
  event: z.string().nullable(),
  keywords: z.array(z.string()),
  recipient: z.string().nullable(),
  enabled: z.boolean(),
  updatedAt: z.string(),
  /** A scheduled template's next firing (null: realtime, disabled or all paused). */
  nextRunAt: z.string().nullable(),
  /** What its latest firing did: the message it enqueued, or why it sent nothing. */
  lastFiring: z
    .object({
      at: z.string(),
      scheduledAt: z.string(),
      kind: z.enum(['cron', 'catch-up', 'event']),
      eventName: z.string().nullable(),
      messageId: z.string().nullable(),
      error: z.object({ code: z.string(), message: z.string() }).nullable(),
    })
    .nullable(),
});

export const TemplateInputSchema = TemplateSchema.omit({ id: true, updatedAt: true, nextRunAt: true, lastFiring: true })
  .extend({ id: z.number().int().optional(), name: z.string().trim().min(1).max(100), body: z.string().min(1).max(20_000) })
  .strict();

const variables = z.record(z.string(), z.union([z.string(), z.number()])).default({});

export const channelsMethods = {
  'channels.list': method({
    input: NoInput,
    output: z.object({ channels: z.array(ChannelViewSchema) }),
    summary: 'Every channel with its settings, masked secrets, policies and latest errors.',
  }),
  'channels.update': method({
    input: z
      .object({
        type: ChannelTypeSchema,
        enabled: z.boolean().optional(),
        settings: z.record(z.string(), z.unknown()).optional(),
        /** Only the secrets to change; '' clears one. Never returned. */
        secrets: z.record(z.string(), z.string().max(2000)).optional(),
        retry: RetryPolicySchema.optional(),
        window: SendingWindowSchema.nullable().optional(),
        onInterrupted: InterruptedPolicySchema.optional(),
      })
      .strict(),
    output: ChannelViewSchema,
    summary: 'Change a channel: settings, secrets (write-only), retry policy, sending window.',
  }),
  'channels.testSend': method({
    input: z.object({ channel: ChannelTypeSchema, recipient: recipientId, text: z.string().trim().min(1).max(4000) }).strict(),
    output: z.object({ id: z.string() }),
    summary: 'Send a test message to a recipient through one channel, via the outbox (business type `test`).',
  }),
  'recipients.list': method({ input: NoInput, output: z.object({ recipients: z.array(RecipientSchema) }), summary: 'Logical recipients and their routes.' }),
  'recipients.save': method({
    input: z
      .object({
        id: recipientId,
        name: z.string().max(200).default(''),
        note: z.string().max(1000).default(''),
        route: z.array(z.object({ channel: ChannelTypeSchema, address: z.string().max(2000).optional() }).strict()).max(7),
      })
      .strict(),
    output: RecipientSchema,
    summary: 'Create or replace a recipient and its ordered route (an omitted secret address keeps the stored one).',
  }),
  'recipients.delete': method({ input: z.object({ id: recipientId }).strict(), output: z.object({ deleted: z.boolean() }), summary: 'Remove a recipient.' }),
  'templates.list': method({ input: NoInput, output: z.object({ templates: z.array(TemplateSchema) }), summary: 'Message templates.' }),
  'templates.save': method({ input: TemplateInputSchema, output: TemplateSchema, summary: 'Create or change a template (variables, channel, schedule or trigger).' }),
  'templates.delete': method({ input: z.object({ id: z.number().int() }).strict(), output: z.object({ deleted: z.boolean() }), summary: 'Remove a template.' }),
  'templates.preview': method({
    input: z.object({ id: z.number().int().optional(), body: z.string().max(20_000).optional(), variables }).strict(),
    output: z.object({ text: z.string() }),
    summary: "Render a template (stored, or the body being edited) with the given values, else the samples; a missing variable is an error.",
  }),
  'templates.testSend': method({
    input: z.object({ id: z.number().int(), recipient: recipientId, variables }).strict(),
    output: z.object({ id: z.string(), text: z.string() }),
    summary: 'Render a template and send it through the outbox (business type `test`).',
  }),
};
