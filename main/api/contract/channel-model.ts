import { z } from 'zod';

/**
 * The channel model shared by the core and the Settings UI: channel types, each type's settings
 * (non-secret, with defaults) and secret fields, the retry policy and the sending window.
 */
export const CHANNEL_TYPES = ['GROUP_BOT', 'WORK_WECHAT', 'WECHAT', 'SMS', 'EMAIL', 'AI', 'DRY_RUN'] as const;
export const ChannelTypeSchema = z.enum(CHANNEL_TYPES);
export type ChannelType = z.infer<typeof ChannelTypeSchema>;

const timeout = z.number().int().min(1000).max(120_000).default(20_000);
const limit = (n: number) => z.number().int().min(1).max(10_000).default(n);
const windowMs = z.number().int().min(100).max(3_600_000).default(60_000);
/** Our window is kept this much longer than the server's, so clock skew and latency never tip it over. */
const marginMs = z.number().int().min(0).max(60_000).default(1000);

export const ChannelSettingsSchemas = {
  GROUP_BOT: z.object({
    baseUrl: z.string().url().default('https://qyapi.weixin.qq.com/cgi-bin/webhook/send'),
    perKeyLimit: limit(20),
    windowMs,
    marginMs,
    /** v1 paused 0.2 s between smartsheet posts. */
    smartsheetPaceMs: z.number().int().min(0).max(60_000).default(200),
    timeoutMs: timeout,
  }),
  WORK_WECHAT: z.object({
    corpId: z.string().default(''),
    agentId: z.number().int().min(0).default(0),
    apiBase: z.string().url().default('https://qyapi.weixin.qq.com/cgi-bin'),
    perMemberLimit: limit(30),
    windowMs,
    marginMs,
    timeoutMs: timeout,
  }),
  WECHAT: z.object({
    driver: z.enum(['auto', 'windows', 'x11']).default('auto'),
    client: z.enum(['wechat', 'wecom']).default('wecom'),
    /** Empty: the client's usual title (`微信` / `企业微信`). */
    windowTitle: z.string().default(''),
    /** Empty: the client's global hotkey (`ctrl+alt+w` / `shift+alt+s`). */
    hotkey: z.string().default(''),
    /** v1 waited 1 s after each step. */
    stepWaitMs: z.number().int().min(0).max(10_000).default(1000),
    /** At least this long between two desktop messages. */
    paceMs: z.number().int().min(0).max(600_000).default(3000),
    stepTimeoutMs: z.number().int().min(500).max(120_000).default(15_000),
    /** X11 display; empty: the DISPLAY environment variable. */
    display: z.string().default(''),
  }),
  SMS: z.object({ provider: z.string().default('') }),
  EMAIL: z.object({
    host: z.string().default(''),
    port: z.number().int().min(1).max(65_535).default(465),
    secure: z.boolean().default(true),
    user: z.string().default(''),
    from: z.string().default(''),
    subjectPrefix: z.string().default('[Herald] '),
    timeoutMs: timeout,
  }),
  AI: z.object({ provider: z.string().default('') }),
  DRY_RUN: z.object({}),
} satisfies Record<ChannelType, z.ZodObject>;

/** Secret fields per type: write-only through the API, stored sealed, shown masked. */
export const CHANNEL_SECRET_FIELDS: Record<ChannelType, readonly string[]> = {
  GROUP_BOT: [],
  WORK_WECHAT: ['secret'],
  WECHAT: [],
  SMS: [],
  EMAIL: ['password'],
  AI: [],
  DRY_RUN: [],
};

/** Whether a recipient's address on this channel is itself a secret (a robot webhook key is). */
export const SECRET_ADDRESS: Record<ChannelType, boolean> = {
  GROUP_BOT: true,
  WORK_WECHAT: false,
  WECHAT: false,
  SMS: false,
  EMAIL: false,
  AI: false,
  DRY_RUN: false,
};

/** How the Settings form shows a setting. */
export type FieldKind = 'text' | 'number' | 'boolean' | 'select';
export interface FieldSpec {
  key: string;
  kind: FieldKind;
  options?: readonly string[];
}

/** The form fields of a settings schema, in its order, by the type of each setting. */
function fieldsOf(schema: z.ZodObject): FieldSpec[] {
  return Object.entries(schema.shape).map(([key, type]) => {
    const inner = type instanceof z.ZodDefault ? type.unwrap() : type;
    if (inner instanceof z.ZodNumber) return { key, kind: 'number' };
    if (inner instanceof z.ZodBoolean) return { key, kind: 'boolean' };
    if (inner instanceof z.ZodEnum) return { key, kind: 'select', options: inner.options.map(String) };
    return { key, kind: 'text' };
  });
}

export const CHANNEL_FIELDS: Record<ChannelType, readonly FieldSpec[]> = {
  GROUP_BOT: fieldsOf(ChannelSettingsSchemas.GROUP_BOT),
  WORK_WECHAT: fieldsOf(ChannelSettingsSchemas.WORK_WECHAT),
  WECHAT: fieldsOf(ChannelSettingsSchemas.WECHAT),
  SMS: fieldsOf(ChannelSettingsSchemas.SMS),
  EMAIL: fieldsOf(ChannelSettingsSchemas.EMAIL),
  AI: fieldsOf(ChannelSettingsSchemas.AI),
  DRY_RUN: fieldsOf(ChannelSettingsSchemas.DRY_RUN),
};

/** Seed 002: at most 3 retries, 5 minutes apart. */
export const RetryPolicySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('fixed'),
    maxRetries: z.number().int().min(0).max(50).default(3),
    delayMs: z.number().int().min(0).max(86_400_000).default(300_000),
  }),
  z.object({
    kind: z.literal('exponential'),
    maxRetries: z.number().int().min(0).max(50).default(3),
    baseMs: z.number().int().min(0).max(86_400_000).default(60_000),
    maxMs: z.number().int().min(0).max(86_400_000).default(3_600_000),
    /** 0.2 = each delay varies by up to ±20 %. */
    jitter: z.number().min(0).max(1).default(0.2),
  }),
]);
export type RetryPolicy = z.infer<typeof RetryPolicySchema>;
export const DEFAULT_RETRY_POLICY: RetryPolicy = { kind: 'fixed', maxRetries: 3, delayMs: 300_000 };

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
/** Messages of this channel go out only between `start` and `end` (local time of `timeZone`); may span midnight. */
export const SendingWindowSchema = z.object({
  start: hhmm,
  end: hhmm,
  timeZone: z.string().default('Asia/Shanghai'),
});
export type SendingWindow = z.infer<typeof SendingWindowSchema>;

/**
 * What happens to a message found `sending` after a crash (its send may or may not have happened):
 * `hold` = `unknown`, a person marks it sent or sends it again; `resend` = sent again at once,
 * flagged as a possible duplicate.
 */
export const InterruptedPolicySchema = z.enum(['hold', 'resend']);
export type InterruptedPolicy = z.infer<typeof InterruptedPolicySchema>;
