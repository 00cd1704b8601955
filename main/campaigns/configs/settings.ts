import { z } from 'zod';
import { HeraldError } from '../../shared/errors.js';
import type { Campaign } from './index.js';
import { awardsMappingSchema, datedNamesSchema, rewardConfigSchema } from './schema.js';

/**
 * What the office may change of a campaign without a new release (Settings → Campaigns): the
 * reward rules (v1's REWARD_CONFIGS entry: tiers, lucky numbers, caps, strategy …), the award
 * amounts the award message prints, the badges and their dated name lists, and the logical
 * recipients of the group announcement and the award message. Structure — pipeline, message
 * layouts, columns, activity code — stays code: changing it changes what the job is.
 *
 * The award amounts live in one place, `awardsMapping` (v1 kept some in the reward config and
 * some in its notifiers' code), so `rules` is v1's entry without `awards_mapping`.
 */
const recipientId = z.string().trim().min(1).max(200);

export const campaignSettingsSchema = z
  .object({
    rules: rewardConfigSchema.omit({ awards_mapping: true }),
    awardsMapping: awardsMappingSchema,
    badges: z
      .object({
        elite: z.boolean(),
        risingStar: z.boolean(),
        eliteNames: datedNamesSchema,
        risingStarNames: datedNamesSchema,
      })
      .strict(),
    recipients: z.object({ group: recipientId, award: recipientId }).strict(),
  })
  .strict();
export type CampaignSettings = z.infer<typeof campaignSettingsSchema>;

/** `rules.tiered_rewards.tiers.1.threshold: Too small …` — the first problems, each naming its field. */
export function describeSettingsIssues(error: z.ZodError): { field: string; message: string } {
  const issues = error.issues.slice(0, 3).map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
  return { field: error.issues[0]?.path.map(String).join('.') || '(root)', message: issues.join('; ') };
}

/** Validates an edited document; the error names the variant and the first bad field. */
export function parseCampaignSettings(variantId: string, data: unknown, version?: number): CampaignSettings {
  const parsed = campaignSettingsSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const problem = describeSettingsIssues(parsed.error);
  const which = version === undefined ? `The configuration of campaign ${variantId}` : `Configuration version ${version} of campaign ${variantId}`;
  throw new HeraldError('CAMPAIGN_CONFIG_INVALID', `${which} is invalid: ${problem.message}.`, { variant: variantId, field: problem.field, ...(version !== undefined ? { version } : {}) });
}

/** The editable part of a resolved campaign (for the shipped configuration: version 1). */
export function settingsOf(campaign: Campaign): CampaignSettings {
  const { awards_mapping: _mapping, ...rules } = campaign.rules;
  return {
    rules,
    awardsMapping: { ...campaign.awardsMapping },
    badges: { ...campaign.variant.badges, eliteNames: campaign.badgeLists.elite, risingStarNames: campaign.badgeLists.risingStar },
    recipients: { ...campaign.variant.recipients },
  };
}

/** The campaign as a stored configuration version makes it. */
export function applySettings(campaign: Campaign, settings: CampaignSettings): Campaign {
  return {
    variant: { ...campaign.variant, badges: { elite: settings.badges.elite, risingStar: settings.badges.risingStar }, recipients: settings.recipients },
    rules: settings.rules,
    awardsMapping: settings.awardsMapping,
    badgeLists: { elite: settings.badges.eliteNames, risingStar: settings.badges.risingStarNames },
  };
}

/** Field paths whose values differ between two documents ("what" changed, for the version history). */
export function changedFields(before: unknown, after: unknown, path = ''): string[] {
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isRecord(before) || !isRecord(after)) return [path || '(root)'];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys.flatMap((k) => changedFields(before[k], after[k], path ? `${path}.${k}` : k));
}
