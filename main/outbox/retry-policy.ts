import type { RetryPolicy } from '../api/contract/channel-model.js';

/**
 * The pause before retry number `retry` (1 = first retry): fixed (seed 002: 5 minutes), or
 * exponential from `baseMs` doubling up to `maxMs`, varied by ±jitter so many messages failing
 * together do not come back together. `random` is injectable for tests.
 */
export function retryDelay(policy: RetryPolicy, retry: number, random: () => number = Math.random): number {
  if (policy.kind === 'fixed') return policy.delayMs;
  const raw = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, retry - 1));
  const factor = 1 + policy.jitter * (random() * 2 - 1);
  return Math.max(0, Math.round(raw * factor));
}
