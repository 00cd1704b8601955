import type { Tier } from '../configs/schema.js';
import type { PyNum } from './py.js';
import { int } from './py.js';
import { gapNumber } from './format.js';

/**
 * 节节高 — the tiered reward (spec §3.3). Given a housekeeper's state after the current contract, it
 * grants the highest reachable tier not yet awarded, back-fills the lower ones, and says how far the
 * next tier is. `awarded` is the housekeeper's running award set and is extended in place, as v1 did.
 */

export type TierFunction = 'generic' | 'handwritten-sh';

export interface TierOutcome {
  /** Granted tier names in v1's order: the highest new one first, then the rest from low to high. */
  names: string[];
  /** `距离 优秀奖 还需 35,000 元`, `距离达成节节高奖励条件还需 3 单`, or empty. */
  gap: string;
}

export interface TierInput {
  tiers: readonly Tier[];
  minContracts: number;
  count: number;
  amount: PyNum;
  awarded: Set<string>;
  /**
   * v1.0.1's hand-written Shanghai function (used until 2025-08-28) differs in two corners: its
   * "still N contracts" text ignores an awarded 基础奖, and it only points at the next tier when no
   * higher tier was awarded.
   */
  fn?: TierFunction;
}

const HANDWRITTEN_COUNT_GAP_TIERS = new Set(['精英奖', '优秀奖', '达标奖']);

function anyAwarded(names: Iterable<string>, awarded: Set<string>): boolean {
  for (const n of names) if (awarded.has(n)) return true;
  return false;
}

export function evaluateTiers(input: TierInput): TierOutcome {
  const { tiers, minContracts, count, amount, awarded } = input;
  const names: string[] = [];
  if (tiers.length === 0) return { names, gap: '' };
  const allNames = tiers.map((t) => t.name);
  if (count < minContracts) {
    const blocking = input.fn === 'handwritten-sh' ? [...HANDWRITTEN_COUNT_GAP_TIERS].filter((n) => allNames.includes(n)) : allNames;
    return { names, gap: anyAwarded(blocking, awarded) ? '' : `距离达成节节高奖励条件还需 ${minContracts - count} 单` };
  }
  // Python's sorted() is stable; ties keep the configured order.
  const desc = [...tiers].sort((a, b) => b.threshold - a.threshold);
  const asc = [...tiers].sort((a, b) => a.threshold - b.threshold);
  let next: Tier | undefined;
  for (let i = 0; i < desc.length; i += 1) {
    const t = desc[i]!;
    if (amount.v >= t.threshold && !awarded.has(t.name)) {
      names.push(t.name);
      awarded.add(t.name);
      if (i > 0) next = desc[i - 1];
      break;
    }
  }
  if (!anyAwarded(allNames, awarded)) next = desc[desc.length - 1];
  for (const t of asc) {
    if (!awarded.has(t.name) && amount.v >= t.threshold) {
      names.push(t.name);
      awarded.add(t.name);
    }
  }
  if (!next) {
    for (let i = 0; i < desc.length - 1; i += 1) {
      const lower = desc[i + 1]!;
      const upper = desc[i]!;
      const clear = input.fn === 'handwritten-sh' ? !anyAwarded(desc.slice(0, i + 1).map((t) => t.name), awarded) : !awarded.has(upper.name);
      if (awarded.has(lower.name) && amount.v < upper.threshold && clear) {
        next = upper;
        break;
      }
    }
  }
  // v1 looked the threshold up by name (the first tier of that name).
  const threshold = next ? tiers.find((t) => t.name === next.name)!.threshold : 0;
  const gap = next && threshold > 0 ? `距离 ${next.name} 还需 ${gapNumber(int(threshold), amount)} 元` : '';
  return { names, gap };
}
