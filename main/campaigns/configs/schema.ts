import { z } from 'zod';

/**
 * The shapes of campaign configuration. `RewardConfig` is v1's REWARD_CONFIGS entry with v1's own
 * key names (spec Appendix A), so a version can be pasted from v1 and compared by eye. A `Variant`
 * is Herald's description of one campaign as a job runs it: which reward config version, which
 * pipeline, which message layouts, recipients and v1 code generation it reproduces.
 */

const tier = z.object({ name: z.string().min(1), threshold: z.number().nonnegative() });
const luckyReward = z.object({ name: z.string(), threshold: z.number() });
const statsSource = z.enum(['total', 'platform_only', 'self_referral_only']);

export const rewardConfigSchema = z
  .object({
    awards_mapping: z.record(z.string(), z.string().regex(/^\d+$/)).optional(),
    badge_config: z.object({ enable_elite_badge: z.boolean(), enable_rising_star_badge: z.boolean() }).optional(),
    lucky_number: z.string().regex(/^\d?$/),
    lucky_number_mode: z.enum(['personal_sequence', 'contract_number']).optional(),
    lucky_number_sequence_type: z.enum(['global', 'personal', 'platform_only']).optional(),
    lucky_rewards: z.object({ base: luckyReward, high: luckyReward }).optional(),
    notification_config: z
      .object({
        closing_message: z.string(),
        enable_award_notification: z.boolean(),
        show_dual_track_stats: z.boolean(),
        show_order_type: z.boolean(),
        show_reward_progress: z.boolean(),
        template_type: z.string(),
      })
      .optional(),
    performance_limits: z.object({
      enable_cap: z.boolean(),
      single_contract_cap: z.number().positive().optional(),
      single_project_limit: z.number().positive().nullable().optional(),
      self_referral_contract_cap: z.number().positive().optional(),
      self_referral_project_limit: z.number().positive().optional(),
    }),
    processing_config: z
      .object({
        enable_historical_contracts: z.boolean().optional(),
        process_platform_only: z.boolean().optional(),
        refresh_existing_contracts: z.boolean().optional(),
        source_type_filter: z.object({ allowed_source_types: z.array(z.number().int()), label: z.string() }).optional(),
      })
      .optional(),
    reward_calculation_strategy: z
      .object({
        type: z.enum(['announcement_only', 'dual_track', 'single_track']),
        rules: z.record(z.string(), z.object({ enable_tiered_rewards: z.boolean(), stats_source: statsSource })),
      })
      .optional(),
    self_referral_rewards: z
      .object({
        enable: z.boolean(),
        reward_name: z.string().optional(),
        reward_type: z.string().optional(),
        deduplication_field: z.string().optional(),
      })
      .optional(),
    tiered_rewards: z.object({ min_contracts: z.number().int().nonnegative(), tiers: z.array(tier) }),
  })
  .strict();
export type RewardConfig = z.infer<typeof rewardConfigSchema>;
export type Tier = z.infer<typeof tier>;
export type StatsSource = z.infer<typeof statsSource>;

export const rewardConfigVersionSchema = z.object({
  key: z.string(),
  version: z.number().int().positive(),
  /** First and last commit dates at which v1 had exactly this value (Appendix A). */
  presentFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  presentTo: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  config: rewardConfigSchema,
});
export type RewardConfigVersion = z.infer<typeof rewardConfigVersionSchema>;

/** Award amounts per award name, as v1's notifiers printed them (strings, as in v1). */
export const awardsMappingSchema = z.record(z.string(), z.string().regex(/^\d+$/));

export const announcementLayouts = [
  'bj-legacy',
  'sh-legacy',
  'sh-sep-legacy',
  'sh-sep-new',
  'sh-oct',
  'bj-oct',
  'bj-nov',
  'bj-generic-new',
  'bj-performance',
] as const;
export type AnnouncementLayout = (typeof announcementLayouts)[number];

export const pipelineIds = ['v1-ledger', 'v1-db'] as const;
export type PipelineId = (typeof pipelineIds)[number];

/** The legacy (file-era) processing function a variant reproduces (spec §3.6). */
const legacySchema = z.object({
  flavor: z.enum(['bj', 'bj-sep', 'sh', 'sh-sep']),
  /** Positional Metabase column list: the 17 standard columns, SH Sep's 21 or BJ Sep's 22 (§2.3). */
  columns: z.enum(['standard', 'sh-sep', 'bj-sep']),
  /** PerformanceData CSV header (§3.8). */
  header: z.enum(['standard', 'sh-sep', 'bj-sep']),
  /** Per-contract performance cap and work-order limit (BJ globals, SH config cap). */
  contractCap: z.number().positive(),
  workOrderLimit: z.number().positive().optional(),
  /** v1.0.1's hand-written Shanghai tier function (§3.3 quirk) instead of the generic one. */
  tierFunction: z.enum(['generic', 'handwritten-sh']).default('generic'),
  /** `登记时间` as a date (`YYYY-MM-DD`) or a date-time. */
  registeredAt: z.enum(['date', 'datetime']),
});

/** The new-architecture pipeline configuration of a job (spec §3.7.1). */
const dbSchema = z.object({
  keyFormat: z.enum(['name', 'name_org']),
  projectLimit: z.boolean(),
  dualTrack: z.boolean(),
  historical: z.boolean(),
  /** Which v1 parser produced the rows: Beijing (alternates, sourceType → int) or Shanghai (plain). */
  parser: z.enum(['bj', 'sh']),
  /** v1's validation runs derived `is_historical` from `pcContractdocNum` before the pipeline. */
  historicalFromPcContractdocNum: z.boolean().default(false),
  /** Performance broadcast: sort by signed date and use each housekeeper's latest conversion rate. */
  performanceBroadcast: z.boolean().default(false),
});

export const variantSchema = z
  .object({
    id: z.string().regex(/^(BJ|SH)-[A-Za-z0-9-]+(@new)?$/),
    city: z.enum(['BJ', 'SH']),
    title: z.object({ 'zh-CN': z.string(), en: z.string() }),
    /** The campaign month (badge lists are taken as of its last day when replaying); none for monthly broadcasts. */
    month: z.string().regex(/^\d{4}-\d{2}$/).optional(),
    pipeline: z.enum(pipelineIds),
    rewardConfig: z.object({ key: z.string(), version: z.number().int().positive() }),
    /**
     * The campaign's activity code: v1's `activity_code` for database campaigns (a `{YYYY-MM}`
     * placeholder for the monthly broadcasts), the month's code for ledger campaigns. It scopes the
     * stored state and the messages' business ids; September's two pipelines share it.
     */
    activityCode: z.string().min(1),
    /** The `活动编号` v1 wrote on legacy records (e.g. `SH-2025-04` for every Shanghai month). */
    recordLabel: z.string().min(1).optional(),
    legacy: legacySchema.optional(),
    db: dbSchema.optional(),
    messages: z.object({
      announcement: z.enum(announcementLayouts),
      /** Award message (§4.3): off, or with/without the `（平台单）` order part (Sep 2025 on). */
      award: z.enum(['off', 'plain', 'with-order-type']),
      /** The reward config's `awards_mapping` (v1's fallback when absent) or a notifier's hard-coded table. */
      awardsFrom: z.enum(['config', 'bj-april-notifier', 'bj-may-notifier', 'sh-notifier']),
    }),
    badges: z.object({ elite: z.boolean(), risingStar: z.boolean() }),
    recipients: z.object({ group: z.string().min(1), award: z.string().min(1) }),
    /** Where the reproduced behaviour comes from (v1 code generation), for people reading diffs. */
    source: z.string(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.pipeline === 'v1-ledger' && !v.legacy) ctx.addIssue({ code: 'custom', message: 'a v1-ledger variant needs `legacy`' });
    if (v.pipeline === 'v1-db' && !v.db) ctx.addIssue({ code: 'custom', message: 'a v1-db variant needs `db`' });
  });
export type Variant = z.infer<typeof variantSchema>;
export type LegacyConfig = z.infer<typeof legacySchema>;
export type DbConfig = z.infer<typeof dbSchema>;

/** A dated list of names (badge lists changed mid-campaign, Appendix B.3). */
export const datedNamesSchema = z.array(z.object({ from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), names: z.array(z.string().min(1)) }).strict()).min(1);
export type DatedNames = z.infer<typeof datedNamesSchema>;
