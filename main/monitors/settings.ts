import { z } from 'zod';
import { DEFAULT_PROVIDER_CHATS, DEFAULT_PROVIDER_WEBHOOKS, RECIPIENTS, smartsheetRecipient } from './transforms/recipients.js';
import { SMARTSHEET_TABLES, type SmartsheetTableId } from './transforms/smartsheet-tables.js';

/**
 * The monitors' job settings with their defaults (the card each job reads is not among them: it is
 * Settings → Data sources' entry for the job id, one place for every job) (the Jobs page edits them; `--set NAME=VALUE`
 * overrides them for a replay, so numbers, flags and lists also accept their text forms).
 * Where v1 had a quirk the default keeps v1's output and a named option changes it.
 */

const TRUE_WORDS = ['1', 'true', 'yes', 'y', 'on'];
const flag = (fallback: boolean) =>
  z.preprocess((v) => (typeof v === 'string' ? TRUE_WORDS.includes(v.trim().toLowerCase()) : v), z.boolean()).default(fallback);
const count = (fallback: number, min = 1) => z.coerce.number().int().min(min).default(fallback);
const fromJsonText = (v: unknown) => {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return v;
  }
};
const providerList = () =>
  z.preprocess(fromJsonText, z.array(z.string().min(1))).default(() => [...DEFAULT_PROVIDER_WEBHOOKS]).describe('Providers with their own recipient `provider:<name>`; also the providers praised on Mondays.');
const recipient = (fallback: string) => z.string().min(1).default(fallback);

export const slaSettingsSchema = z.object({
  /** `cloud-2026` (default) or `pc-era`: run date instead of business date, v1.0.1 line order and texts. */
  semantics: z.enum(['cloud-2026', 'pc-era']).default('cloud-2026'),
  /** The unused PC variant: one `📢 超时情况通报` digest per provider instead of one message per violation. */
  dailyDigest: flag(false),
  providers: providerList(),
  fallbackRecipient: recipient(RECIPIENTS.wecomDefault),
  /** PC era: provider → WeCom chat (Appendix B.1); also the providers praised on Mondays. */
  pcEraProviderChats: z.preprocess(fromJsonText, z.record(z.string(), z.string().min(1))).default(() => ({ ...DEFAULT_PROVIDER_CHATS })),
  pcEraFallbackRecipient: recipient(RECIPIENTS.adminContact),
  /** PC era: the ops person named in the appeal lines (`联系运营人员<name>申诉`). */
  opsPersonName: z.string().default(''),
  /** PC era `SLA_CONFIG.FORCE_MONDAY`: the weekly part on every run. */
  forceMonday: flag(false),
});
export type SlaSettings = z.infer<typeof slaSettingsSchema>;

export const pendingOrdersSettingsSchema = z.object({
  providers: providerList(),
  fallbackRecipient: recipient(RECIPIENTS.wecomDefault),
  /** v1 `WECOM_WEBHOOK_PENDING_ORDERS_FORCE_URL`: every digest to this one recipient. */
  forceRecipient: z.string().min(1).nullable().default(null),
  /** `utc` (2026, spec §12.7), `pc-era` (`MM-DD` in the timestamp's offset) or `shanghai`. */
  createTimeDisplay: z.enum(['utc', 'pc-era', 'shanghai']).default('utc'),
  minAgeHours: count(48, 0),
  /** `scheduled-time` (v1: one digest per provider per scheduled run) or `scheduled-date` (at most one per day). */
  digestIdentity: z.enum(['scheduled-time', 'scheduled-date']).default('scheduled-time'),
});
export type PendingOrdersSettings = z.infer<typeof pendingOrdersSettingsSchema>;

export const housekeeperOfflineSettingsSchema = z.object({
  /** v1 `HOUSEKEEPER_OFFLINE_LOOKBACK_MINUTES`: older events are stale (no replay of history). */
  lookbackMinutes: count(60),
  recipient: recipient(RECIPIENTS.housekeeperOffline),
});
export type HousekeeperOfflineSettings = z.infer<typeof housekeeperOfflineSettingsSchema>;

export function smartsheetSettingsSchema(table: SmartsheetTableId) {
  const spec = SMARTSHEET_TABLES[table];
  return z.object({
    recipient: recipient(smartsheetRecipient(table)),
    /** The pause v1 made after each post to this table (the outbox honours it per message). */
    pacingMs: count(spec.pacingMs, 0),
  });
}
export type SmartsheetSettings = z.infer<ReturnType<typeof smartsheetSettingsSchema>>;

export const technicianStatusSettingsSchema = z.object({
  webhookRecipient: recipient(RECIPIENTS.webhookUrlDefault),
  /** Fix: v1's state file had text keys, so a numeric change id was notified again on every poll. */
  matchNumericIds: flag(false),
  /** Fix: v1 notified a change id twice when one poll returned it twice. */
  dedupeWithinPoll: flag(false),
});
export type TechnicianStatusSettings = z.infer<typeof technicianStatusSettingsSchema>;

export const contactTimeoutSettingsSchema = z.object({
  recipient: recipient(RECIPIENTS.contactTimeout),
  /** Base of the card's links (favicon, question 980). */
  metabaseUrl: z.string().min(1).default('http://localhost:3000'),
  maxItems: count(6),
});
export type ContactTimeoutSettings = z.infer<typeof contactTimeoutSettingsSchema>;
