import type { RewardConfig } from '../configs/schema.js';
import type { PyNum } from './py.js';

/** Lucky-number rules (spec §3.4). Both return the award name, or undefined when nothing is won. */

export const LUCKY_TYPE = '幸运数字';

/**
 * The legacy rule (file era): in `personal_sequence` mode every n-th contract of the housekeeper
 * wins 接好运; otherwise the global sequence number's last digit must be the lucky digit, and the
 * contract's amount picks 接好运 or 接好运万元以上.
 */
export function legacyLucky(config: RewardConfig, globalSeq: number, personalCount: number, amount: PyNum): string | undefined {
  const lucky = config.lucky_number;
  if (!lucky) return undefined;
  if (config.lucky_number_mode === 'personal_sequence') {
    return personalCount % Number(lucky) === 0 ? '接好运' : undefined;
  }
  if (!String(globalSeq % 10).includes(lucky)) return undefined;
  const high = config.lucky_rewards?.high ?? { name: '接好运万元以上', threshold: 10000 };
  const base = config.lucky_rewards?.base ?? { name: '接好运', threshold: 0 };
  return amount.v >= high.threshold ? high.name : base.name;
}

export interface NewArchLuckyInput {
  globalSeq: number;
  personalCount: number;
  platformCount: number;
  isPlatform: boolean;
}

/**
 * The new-architecture rule: only multiples of the lucky number, on the sequence the config names
 * (global, personal, or — BJ-2025-10 — the platform count, where only platform orders can win).
 * It cannot do last-digit lucky numbers: without a mode it counts personal multiples.
 */
export function newArchLucky(config: RewardConfig, input: NewArchLuckyInput): string | undefined {
  const every = Number(config.lucky_number);
  if (!config.lucky_number || !Number.isInteger(every) || every === 0) return undefined;
  if ((config.lucky_number_mode ?? 'personal_sequence') !== 'personal_sequence') return undefined;
  const type = config.lucky_number_sequence_type ?? 'personal';
  let sequence: number;
  if (type === 'global') sequence = input.globalSeq;
  else if (type === 'platform_only') {
    if (!input.isPlatform || input.platformCount <= 0) return undefined;
    sequence = input.platformCount;
  } else sequence = input.personalCount;
  if (sequence % every !== 0) return undefined;
  return config.lucky_rewards?.base.name ?? '接好运';
}
