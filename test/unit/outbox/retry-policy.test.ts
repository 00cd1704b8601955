import { describe, expect, it } from 'vitest';
import { retryDelay } from '../../../main/outbox/retry-policy.js';

describe('retryDelay', () => {
  it('is the fixed delay (seed 002: 5 minutes) for every retry', () => {
    const p = { kind: 'fixed' as const, maxRetries: 3, delayMs: 300_000 };
    expect([1, 2, 3].map((r) => retryDelay(p, r))).toEqual([300_000, 300_000, 300_000]);
  });

  it('doubles from the base up to the maximum, varied by the jitter', () => {
    const p = { kind: 'exponential' as const, maxRetries: 5, baseMs: 1000, maxMs: 5000, jitter: 0.2 };
    expect([1, 2, 3, 4].map((r) => retryDelay(p, r, () => 0.5))).toEqual([1000, 2000, 4000, 5000]);
    expect(retryDelay(p, 2, () => 0)).toBe(1600);
    expect(retryDelay(p, 2, () => 1)).toBe(2400);
  });
});
