import { pairByKey, type Pair } from './pairing.js';
import type { DiffMessage } from './types.js';

/**
 * Pairs messages by business identity (businessType + businessId + recipient) when every message
 * on both sides has one; otherwise by position, as v1's validators compared its task queue.
 */
export function pairMessages(control: readonly DiffMessage[], candidate: readonly DiffMessage[]): { pairing: 'identity' | 'position'; pairs: Pair<DiffMessage>[] } {
  if ([...control, ...candidate].every((m) => m.identity !== undefined)) {
    return { pairing: 'identity', pairs: pairByKey(control, candidate, (m) => m.identity!) };
  }
  const pairs: Pair<DiffMessage>[] = [];
  for (let i = 0; i < Math.max(control.length, candidate.length); i++) {
    pairs.push({ key: `#${i}`, index: i, control: control[i] ?? null, candidate: candidate[i] ?? null });
  }
  return { pairing: 'position', pairs };
}
