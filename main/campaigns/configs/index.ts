import type { z } from 'zod';
import { HeraldError } from '../../shared/errors.js';
import { eliteHousekeepers, risingStarHousekeepers } from './badges.js';
import { notifierAwardsMappings, rewardConfigVersions } from './reward-configs.js';
import type { DatedNames, RewardConfig, Variant } from './schema.js';
import { datedNamesSchema, rewardConfigVersionSchema, variantSchema } from './schema.js';
import { variantData } from './variants.js';

/** The badge lists a campaign uses, dated (Appendix B.3). */
export interface BadgeLists {
  elite: DatedNames;
  risingStar: DatedNames;
}

/** A variant with everything it references resolved and validated. */
export interface Campaign {
  variant: Variant;
  rules: RewardConfig;
  awardsMapping: Readonly<Record<string, string>>;
  badgeLists: BadgeLists;
}

/** The lists Herald ships (v1's, Appendix B.3). */
export const SHIPPED_BADGE_LISTS: BadgeLists = { elite: datedNamesSchema.parse(eliteHousekeepers), risingStar: datedNamesSchema.parse(risingStarHousekeepers) };

function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}

/** Looks up a REWARD_CONFIGS version (Appendix A), validated. */
export function rewardConfig(key: string, version: number): RewardConfig {
  const entry = rewardConfigVersions.find((v) => v.key === key && v.version === version);
  if (!entry) {
    throw new HeraldError('CAMPAIGN_CONFIG_UNKNOWN', `There is no reward configuration ${key} version ${version}.`, { configKey: key, version });
  }
  const parsed = rewardConfigVersionSchema.safeParse(entry);
  if (!parsed.success) {
    throw new HeraldError('CAMPAIGN_CONFIG_INVALID', `Reward configuration ${key} version ${version} is invalid: ${describeIssues(parsed.error)}.`, { configKey: key, version });
  }
  return parsed.data.config;
}

/**
 * Validates variant data and resolves what it references. Used for the built-in variants and for
 * any edited copy (Settings → Campaigns), so an invalid edit is refused with the variant named.
 */
export function resolveCampaign(data: unknown): Campaign {
  const parsed = variantSchema.safeParse(data);
  const id = typeof data === 'object' && data !== null && 'id' in data ? String((data as { id: unknown }).id) : '(unnamed)';
  if (!parsed.success) {
    throw new HeraldError('CAMPAIGN_CONFIG_INVALID', `The configuration of campaign ${id} is invalid: ${describeIssues(parsed.error)}.`, { variant: id });
  }
  const variant = parsed.data;
  const rules = rewardConfig(variant.rewardConfig.key, variant.rewardConfig.version);
  const from = variant.messages.awardsFrom;
  const awardsMapping = from === 'config' ? (rules.awards_mapping ?? notifierAwardsMappings.fallback) : notifierAwardsMappings[from];
  return { variant, rules, awardsMapping, badgeLists: SHIPPED_BADGE_LISTS };
}

const resolved = new Map<string, Campaign>();

/** The ids of every built-in variant, in the order of `variants.ts`. */
export function listVariants(): string[] {
  return variantData.map((v) => String(v.id));
}

/** A built-in variant by its id (`BJ-2025-10`, `SH-2025-09@new` …). */
export function getCampaign(id: string): Campaign {
  const hit = resolved.get(id);
  if (hit) return hit;
  const data = variantData.find((v) => v.id === id);
  if (!data) {
    throw new HeraldError('CAMPAIGN_UNKNOWN_VARIANT', `There is no campaign variant "${id}". Known variants: ${listVariants().join(', ')}.`, { variant: id });
  }
  const campaign = resolveCampaign(data);
  resolved.set(id, campaign);
  return campaign;
}

/** The campaign's activity code; the monthly broadcasts fill in the Asia/Shanghai month (`YYYY-MM`). */
export function activityCodeFor(variant: Variant, month: string): string {
  return variant.activityCode.replace('{YYYY-MM}', month);
}

function namesOn(dated: DatedNames, date: string): string[] {
  let names: string[] = [];
  for (const entry of dated) if (entry.from <= date) names = entry.names;
  return names;
}

/** The elite and rising-star lists in force on a date (`YYYY-MM-DD`). */
export function badgeListsOn(date: string, lists: BadgeLists = SHIPPED_BADGE_LISTS): { elite: ReadonlySet<string>; risingStar: ReadonlySet<string> } {
  return { elite: new Set(namesOn(lists.elite, date)), risingStar: new Set(namesOn(lists.risingStar, date)) };
}

export type { DatedNames, RewardConfig, Variant } from './schema.js';
