import type { RewardConfig } from '../configs/schema.js';

/**
 * The self-referral 红包 (SH-2025-09): one per distinct project address per housekeeper. The file-era
 * code remembers every address it has seen for the key, the empty address included.
 */
export interface SelfReferralReward {
  type: string;
  name: string;
}

export function selfReferralReward(config: RewardConfig): SelfReferralReward | undefined {
  const c = config.self_referral_rewards;
  if (!c?.enable) return undefined;
  return { type: c.reward_type ?? '自引单', name: c.reward_name ?? '红包' };
}

/** Legacy `determine_self_referral_rewards`: rewards a new address and records it in `seen`. */
export function legacySelfReferral(config: RewardConfig, address: string, seen: Set<string>): SelfReferralReward | undefined {
  const reward = selfReferralReward(config);
  if (!reward || seen.has(address)) return undefined;
  seen.add(address);
  return reward;
}
