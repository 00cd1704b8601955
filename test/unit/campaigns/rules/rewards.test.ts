import { describe, expect, it } from 'vitest';
import { rewardConfig } from '../../../../main/campaigns/configs/index.js';
import type { PyNum } from '../../../../main/campaigns/rules/py.js';
import { float, int } from '../../../../main/campaigns/rules/py.js';
import { legacyRewards } from '../../../../main/campaigns/rules/rewards.js';
import { unquote, vectorTable } from '../../../helpers/vectors.js';

/** Vector numbers: a dot means a Python float (the gap text depends on it). */
function num(text: string): PyNum {
  return text.includes('.') ? float(Number(text)) : int(Number(text));
}

function names(list: string): string[] {
  return [...list.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
}

function split(cell: string): string[] {
  const s = unquote(cell);
  return s ? s.split(', ') : [];
}

/** G vectors ran v1.0.1 with the May 2025 configs; S vectors the final legacy code with the 2025-09-28 configs. */
const CONFIG_VERSION: Record<string, Record<string, number>> = {
  G: { 'BJ-2025-04': 1, 'BJ-2025-05': 1, 'SH-2025-04': 1 },
  S: { 'BJ-2025-09': 3, 'SH-2025-09': 3, 'SH-2025-04': 2 },
};

const cases = [...vectorTable('| # | config | contract_number'), ...vectorTable('| # | config (code 2025-09-28)')];

describe('determine_rewards_generic (v1-vectors §1)', () => {
  it('reads every G and S vector', () => {
    expect(cases.map((c) => c[0])).toEqual([...Array.from({ length: 17 }, (_, i) => `G${i + 1}`), ...Array.from({ length: 10 }, (_, i) => `S${i + 1}`)]);
  });

  it.each(cases)('%s %s', (id, key, seq, state, amount, types, rewardNames, gap, awardedAfter) => {
    const [count, total, performance, awarded] = /^(\d+), ([\d.]+), ([\d.]+), (\[.*\])$/.exec(state!)!.slice(1) as [string, string, string, string];
    const version = CONFIG_VERSION[id!.slice(0, 1)]![key!]!;
    const housekeeper = { count: Number(count), total: num(total), performance: num(performance), awarded: new Set(names(awarded)) };
    const result = legacyRewards(rewardConfig(key!, version), Number(seq), housekeeper, num(amount!));
    expect(result.types).toEqual(split(types!));
    expect(result.names).toEqual(split(rewardNames!));
    expect(result.gap).toBe(unquote(gap!));
    expect([...housekeeper.awarded]).toEqual(names(awardedAfter!));
  });

  it('refuses negative contract numbers, counts and amounts, as v1 did', () => {
    const config = rewardConfig('BJ-2025-05', 1);
    const ok = () => ({ count: 1, total: int(0), performance: int(0), awarded: new Set<string>() });
    expect(() => legacyRewards(config, -1, ok(), int(1))).toThrow(/negative/);
    expect(() => legacyRewards(config, 1, { ...ok(), count: -1 }, int(1))).toThrow(/negative/);
    expect(() => legacyRewards(config, 1, ok(), int(-5))).toThrow(/negative/);
  });

  it('hits lucky digit 6 at 6, 16, 26, 106 and misses 60, 61 (v1 test 13)', () => {
    const config = rewardConfig('SH-2025-04', 1);
    const lucky = (seq: number) => legacyRewards(config, seq, { count: 1, total: int(1000), performance: int(1000), awarded: new Set() }, int(5000)).names.includes('接好运');
    expect([6, 16, 26, 106, 60, 61].map(lucky)).toEqual([true, true, true, true, false, false]);
  });
});

describe('v2.1.1 repository tests (v1-vectors §1, prose)', () => {
  const config = rewardConfig('BJ-2025-09', 3);
  const state = (count: number, amount: number) => ({ count, total: float(amount), performance: float(amount), awarded: new Set<string>() });

  it('BJ-2025-09 config: lucky 5 personal, high threshold ≥ 999,999, min 10, awards 58/400/800/1600, no badges, 50,000 caps', () => {
    expect([config.lucky_number, config.lucky_number_mode, config.tiered_rewards.min_contracts]).toEqual(['5', 'personal_sequence', 10]);
    expect(config.lucky_rewards!.high.threshold).toBeGreaterThanOrEqual(999999);
    expect(config.awards_mapping).toEqual({ 接好运: '58', 达标奖: '400', 优秀奖: '800', 精英奖: '1600' });
    expect(config.badge_config).toEqual({ enable_elite_badge: false, enable_rising_star_badge: false });
    expect([config.performance_limits.single_contract_cap, config.performance_limits.single_project_limit]).toEqual([50000, 50000]);
  });

  it('personal lucky numbers: the 5th and 10th contract win 接好运 whatever the amount, the 4th not', () => {
    expect(legacyRewards(config, 1, state(5, 1000), int(5000)).names).toEqual(['接好运']);
    expect(legacyRewards(config, 1, state(5, 1000), int(15000)).names).toEqual(['接好运']);
    expect(legacyRewards(config, 1, state(10, 1000), int(5000)).types).toEqual(['幸运数字']);
    expect(legacyRewards(config, 1, state(4, 1000), int(5000)).names).toEqual([]);
  });

  it('tiers need 10 contracts: 9 with 100,000 earn nothing, 10 with 80,000 earn 达标奖', () => {
    expect(legacyRewards(config, 1, state(9, 100000), int(5000)).types).not.toContain('节节高');
    expect(legacyRewards(config, 1, state(10, 80000), int(5000)).names).toContain('达标奖');
  });
});
