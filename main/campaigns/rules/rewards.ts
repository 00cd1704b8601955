import type { RewardConfig, StatsSource } from '../configs/schema.js';
import { HeraldError } from '../../shared/errors.js';
import type { PyNum } from './py.js';
import { LUCKY_TYPE, legacyLucky, newArchLucky } from './lucky.js';
import type { TierFunction } from './tiers.js';
import { evaluateTiers } from './tiers.js';

/** The reward decision for one contract: lucky number first, then tiers (and the self-referral 红包). */

export const TIER_TYPE = '节节高';

export interface Rewards {
  types: string[];
  names: string[];
  gap: string;
}

export interface HousekeeperTotals {
  count: number;
  total: PyNum;
  performance: PyNum;
  awarded: Set<string>;
}

/**
 * v1's `determine_rewards_generic(contract_number, state, amount, config_key)` (file era): the tier
 * basis is the capped performance sum when the config enables the cap, the plain total otherwise.
 */
export function legacyRewards(config: RewardConfig, seq: number, state: HousekeeperTotals, amount: PyNum, fn: TierFunction = 'generic'): Rewards {
  if (seq < 0 || state.count < 0 || amount.v < 0) {
    throw new HeraldError('CAMPAIGN_NEGATIVE_VALUE', `A contract number, count or amount is negative (contract number ${seq}, count ${state.count}, amount ${amount.v}); v1 refused these too.`, {
      contractNumber: seq,
      count: state.count,
      amount: amount.v,
    });
  }
  const types: string[] = [];
  const names: string[] = [];
  const lucky = legacyLucky(config, seq, state.count, amount);
  if (lucky) {
    types.push(LUCKY_TYPE);
    names.push(lucky);
  }
  const basis = config.performance_limits.enable_cap ? state.performance : state.total;
  const tiers = evaluateTiers({
    tiers: config.tiered_rewards.tiers,
    minContracts: config.tiered_rewards.min_contracts,
    count: state.count,
    amount: basis,
    awarded: state.awarded,
    fn,
  });
  for (const n of tiers.names) {
    types.push(TIER_TYPE);
    names.push(n);
  }
  return { types, names, gap: tiers.gap };
}

/** A housekeeper's new-architecture statistics after the current contract (spec §3.7.2). */
export interface DbStats extends HousekeeperTotals {
  platformCount: number;
  platformAmount: PyNum;
  selfCount: number;
  selfAmount: PyNum;
}

export type OrderType = 'platform' | 'self_referral';

export interface TierRule {
  enabled: boolean;
  source: StatsSource;
}

/**
 * §3.7.3: which statistics the tiers compare. `dual_track` picks the rule of the order type,
 * `single_track` the `default` rule; a missing rule means tiers on the totals. With
 * `platformTierBasis` (the fix for SH-2025-10/11) a missing rule means the platform statistics.
 */
export function tierRule(config: RewardConfig, orderType: OrderType, platformTierBasis = false): TierRule | undefined {
  const strategy = config.reward_calculation_strategy;
  if (strategy?.type === 'announcement_only') return undefined;
  const rules = strategy?.rules ?? {};
  const rule = strategy?.type === 'dual_track' ? rules[orderType] : rules['default'];
  if (rule) return { enabled: rule.enable_tiered_rewards, source: rule.stats_source };
  if (platformTierBasis) {
    const own = rules[orderType];
    return own ? { enabled: own.enable_tiered_rewards, source: own.stats_source } : { enabled: true, source: 'total' };
  }
  return { enabled: true, source: 'total' };
}

export function tierBasis(config: RewardConfig, rule: TierRule, stats: DbStats): { count: number; amount: PyNum } {
  const capped = config.performance_limits.enable_cap;
  if (rule.source === 'platform_only') return { count: stats.platformCount, amount: capped ? stats.performance : stats.platformAmount };
  if (rule.source === 'self_referral_only') return { count: stats.selfCount, amount: capped ? stats.performance : stats.selfAmount };
  return { count: stats.count, amount: capped ? stats.performance : stats.total };
}

export interface NewArchRewardInput {
  stats: DbStats;
  orderType: OrderType;
  globalSeq: number;
  /** The self-referral 红包 applies (enabled, self-referral order, non-empty project address). */
  selfReferralReward?: { type: string; name: string };
  platformTierBasis?: boolean;
}

/** The new-architecture reward calculator: lucky, tiers on the strategy's basis, then 红包. */
export function newArchRewards(config: RewardConfig, input: NewArchRewardInput): Rewards {
  const types: string[] = [];
  const names: string[] = [];
  if (config.reward_calculation_strategy?.type === 'announcement_only') return { types, names, gap: '' };
  const { stats } = input;
  const lucky = newArchLucky(config, {
    globalSeq: input.globalSeq,
    personalCount: stats.count,
    platformCount: stats.platformCount,
    isPlatform: input.orderType === 'platform',
  });
  if (lucky) {
    types.push(LUCKY_TYPE);
    names.push(lucky);
  }
  let gap = '';
  const rule = tierRule(config, input.orderType, input.platformTierBasis);
  if (rule?.enabled) {
    const basis = tierBasis(config, rule, stats);
    const tiers = evaluateTiers({ tiers: config.tiered_rewards.tiers, minContracts: config.tiered_rewards.min_contracts, count: basis.count, amount: basis.amount, awarded: stats.awarded });
    for (const n of tiers.names) {
      types.push(TIER_TYPE);
      names.push(n);
    }
    gap = tiers.gap;
  }
  if (input.selfReferralReward) {
    types.push(input.selfReferralReward.type);
    names.push(input.selfReferralReward.name);
  }
  return { types, names, gap };
}
