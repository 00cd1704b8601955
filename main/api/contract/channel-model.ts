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
    apiBase: z.string().url().default('https://qyapi.weixin.qq.com/cgi-bin'),
    corpId: z.string().default(''),
    agentId: z.number().int().min(0).default(0),
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

export const CHANNEL_FIELDS: Record<ChannelType, readonly FieldSpec[]> = {
  GROUP_BOT: [
    { key: 'baseUrl', kind: 'text' },
    { key: 'perKeyLimit', kind: 'number' },
    { key: 'windowMs', kind: 'number' },
    { key: 'marginMs', kind: 'number' },
    { key: 'smartsheetPaceMs', kind: 'number' },
    { key: 'timeoutMs', kind: 'number' },
  ],
  WORK_WECHAT: [
    { key: 'corpId', kind: 'text' },
    { key: 'agentId', kind: 'number' },
    { key: 'apiBase', kind: 'text' },
    { key: 'perMemberLimit', kind: 'number' },
    { key: 'windowMs', kind: 'number' },
    { key: 'marginMs', kind: 'number' },
    { key: 'timeoutMs', kind: 'number' },
  ],
  WECHAT: [
    { key: 'driver', kind: 'select', options: ['auto', 'windows', 'x11'] },
    { key: 'client', kind: 'select', options: ['wechat', 'wecom'] },
    { key: 'windowTitle', kind: 'text' },
    { key: 'hotkey', kind: 'text' },
    { key: 'stepWaitMs', kind: 'number' },
    { key: 'paceMs', kind: 'number' },
    { key: 'stepTimeoutMs', kind: 'number' },
    { key: 'display', kind: 'text' },
  ],
  SMS: [{ key: 'provider', kind: 'text' }],
  EMAIL: [
    { key: 'host', kind: 'text' },
    { key: 'port', kind: 'number' },
    { key: 'secure', kind: 'boolean' },
    { key: 'user', kind: 'text' },
    { key: 'from', kind: 'text' },
    { key: 'subjectPrefix', kind: 'text' },
    { key: 'timeoutMs', kind: 'number' },
  ],
  AI: [{ key: 'provider', kind: 'text' }],
  DRY_RUN: [],
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
