import { z } from 'zod';
import { method, NoInput } from './define.js';
import { campaignSettingsSchema } from '../../campaigns/configs/settings.js';

/** The Campaigns page and Settings → Campaigns (topic `campaigns`; runs and outbox changes refresh them too). */

const Variant = z.string().min(1).max(60);
const Month = z.string().regex(/^\d{4}-\d{2}$/, 'YYYY-MM');
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const Bilingual = z.object({ 'zh-CN': z.string(), en: z.string() });
const ByCampaign = z.object({ variant: Variant, month: Month.optional() }).strict();

export const CampaignSummarySchema = z.object({
  variant: z.string(),
  title: Bilingual,
  city: z.enum(['BJ', 'SH']),
  pipeline: z.enum(['v1-ledger', 'v1-db']),
  /** The job that runs it (null for the `@new` September twins, which shadow mode runs). */
  jobId: z.string().nullable(),
  /** The activity code; monthly broadcasts carry `{YYYY-MM}`. */
  activityCode: z.string(),
  monthly: z.boolean(),
  /** Stored months of a monthly broadcast, newest first. */
  months: z.array(Month),
  /** Recorded contracts (all months of a monthly broadcast). */
  contracts: z.number().int(),
  configVersion: z.number().int(),
  /** Why the stored configuration cannot be used (a run would fail), else null. */
  configProblem: z.string().nullable(),
});

export const LedgerEntrySchema = z.object({
  contractId: z.string(),
  businessId: z.string(),
  docNum: z.string(),
  housekeeper: z.string(),
  housekeeperKey: z.string(),
  provider: z.string(),
  orderType: z.string().nullable(),
  amount: z.number().nullable(),
  performance: z.number().nullable(),
  signedAt: z.string().nullable(),
  sequence: z.number().nullable(),
  personalCount: z.number().nullable(),
  cumulativeAmount: z.number().nullable(),
  rewardTypes: z.array(z.string()),
  rewardNames: z.array(z.string()),
  remarks: z.string(),
  historical: z.boolean(),
  announced: z.boolean(),
  recordedAt: z.string(),
});

export const LedgerFilterSchema = z
  .object({ housekeeper: z.string().max(100).optional(), reward: z.string().max(100).optional(), from: Day.optional(), to: Day.optional(), text: z.string().max(200).optional() })
  .strict();

const ProgressSchema = z.object({
  housekeeper: z.string(),
  housekeeperKey: z.string(),
  provider: z.string(),
  contracts: z.number().int(),
  amount: z.number(),
  performance: z.number(),
  basis: z.number(),
  awards: z.array(z.string()),
  next: z.object({ tier: z.string(), threshold: z.number(), contractsMissing: z.number(), amountMissing: z.number() }).nullable(),
});

const VersionSchema = z.object({
  version: z.number().int(),
  author: z.string(),
  note: z.string(),
  changedFields: z.array(z.string()),
  createdAt: z.number().nullable(),
  problem: z.string().nullable(),
});

export const campaignsMethods = {
  'campaigns.list': method({
    input: NoInput,
    output: z.object({ campaigns: z.array(CampaignSummarySchema) }),
    summary: 'Every campaign variant with its job, activity code, stored contracts and configuration version.',
  }),
  'campaigns.ledger': method({
    input: ByCampaign.extend({ filter: LedgerFilterSchema.default({}), page: z.number().int().min(1).default(1), pageSize: z.number().int().min(1).max(500).default(50) }).strict(),
    output: z.object({
      activityCode: z.string(),
      entries: z.array(LedgerEntrySchema),
      total: z.number().int(),
      /** The filter choices over the whole activity. */
      housekeepers: z.array(z.string()),
      rewards: z.array(z.string()),
    }),
    summary: 'A page of the recorded contracts, filtered by housekeeper, reward, signing day and text.',
  }),
  'campaigns.overview': method({
    input: ByCampaign,
    output: z.object({
      activityCode: z.string(),
      totals: z.object({ contracts: z.number(), amount: z.number(), performance: z.number(), announced: z.number(), awards: z.number(), historical: z.number() }),
      progress: z.array(ProgressSchema),
      awards: z.array(
        z.object({ contractId: z.string(), businessId: z.string(), docNum: z.string(), housekeeper: z.string(), type: z.string(), name: z.string(), amount: z.number().nullable(), signedAt: z.string().nullable() }),
      ),
      daily: z.array(z.object({ day: Day, contracts: z.number(), amount: z.number() })),
    }),
    summary: 'Per-housekeeper progress to the next tier, the awards, and contracts and amount per signing day.',
  }),
  'campaigns.export': method({
    input: ByCampaign,
    output: z.object({ name: z.string(), file: z.string(), rows: z.number().int(), bytes: z.number().int() }),
    summary: "Write the ledger in v1's columns to <data>/exports/ (PerformanceData CSV, or performance_data's columns) and return its path.",
  }),
  'campaigns.exportContent': method({
    input: z.object({ name: z.string().min(1).max(200) }).strict(),
    output: z.object({ name: z.string(), content: z.string() }),
    summary: 'The text of an export file (headless mode downloads it in the browser).',
  }),
  'campaigns.config.get': method({
    input: z.object({ variant: Variant }).strict(),
    output: z.object({ variant: z.string(), version: z.number().int(), settings: campaignSettingsSchema }),
    summary: 'The current configuration of a campaign (version 1 = as shipped, spec Appendix A).',
  }),
  'campaigns.config.version': method({
    input: z.object({ variant: Variant, version: z.number().int().min(1) }).strict(),
    output: z.object({ variant: z.string(), version: z.number().int(), settings: campaignSettingsSchema }),
    summary: 'One stored configuration version.',
  }),
  'campaigns.config.history': method({
    input: z.object({ variant: Variant }).strict(),
    output: z.object({ versions: z.array(VersionSchema) }),
    summary: 'Every configuration version, newest first: who, when, why and which fields changed.',
  }),
  'campaigns.config.save': method({
    input: z
      .object({
        variant: Variant,
        /** Validated by the campaign engine's schema; an invalid document is refused naming the field. */
        settings: z.unknown(),
        author: z.string().trim().min(1, 'say who changes it').max(100),
        note: z.string().max(1000).default(''),
        /** The version that was edited: saving over a newer one is refused. */
        baseVersion: z.number().int().min(1).optional(),
      })
      .strict(),
    output: VersionSchema,
    summary: 'Store an edited configuration as the next version; the next run uses it.',
  }),
};
