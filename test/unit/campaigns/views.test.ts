import { describe, expect, it } from 'vitest';
import { getCampaign } from '../../../main/campaigns/configs/index.js';
import { filterEntries, overview, signingDay, type LedgerEntry } from '../../../main/campaigns/views.js';

const entry = (over: Partial<LedgerEntry>): LedgerEntry => ({
  contractId: 'C1',
  businessId: 'BJ-2025-06:C1',
  docNum: 'D1',
  housekeeper: '张三',
  housekeeperKey: '张三',
  provider: '甲',
  orderType: null,
  amount: 10000,
  performance: 10000,
  signedAt: '2025-06-02T10:00:00.000+08:00',
  sequence: 1,
  personalCount: 1,
  cumulativeAmount: 10000,
  rewardTypes: [],
  rewardNames: [],
  remarks: '',
  historical: false,
  announced: true,
  recordedAt: '',
  ...over,
});

describe('campaign views', () => {
  it('reads the signing day in Asia/Shanghai', () => {
    expect(signingDay('2025-06-02T23:30:00.000+08:00')).toBe('2025-06-02');
    expect(signingDay('2025-06-02T16:30:00Z')).toBe('2025-06-03');
    expect(signingDay('2025-06-02 10:00:00')).toBe('2025-06-02');
    expect(signingDay(null)).toBeNull();
  });

  it('filters by housekeeper, reward, day range and text', () => {
    const entries = [entry({}), entry({ contractId: 'C2', housekeeper: '李四', rewardNames: ['接好运'], signedAt: '2025-06-05T09:00:00+08:00', docNum: 'YHWX-9' })];
    expect(filterEntries(entries, { housekeeper: '李四' }).map((e) => e.contractId)).toEqual(['C2']);
    expect(filterEntries(entries, { reward: '接好运' }).map((e) => e.contractId)).toEqual(['C2']);
    expect(filterEntries(entries, { from: '2025-06-03' }).map((e) => e.contractId)).toEqual(['C2']);
    expect(filterEntries(entries, { to: '2025-06-02' }).map((e) => e.contractId)).toEqual(['C1']);
    expect(filterEntries(entries, { text: 'yhwx-9' }).map((e) => e.contractId)).toEqual(['C2']);
  });

  it('measures each housekeeper against the next tier (BJ June: 6 contracts, 80,000 / 120,000 / 180,000 of capped performance)', () => {
    const campaign = getCampaign('BJ-2025-06');
    const entries = [
      ...Array.from({ length: 6 }, (_, i) => entry({ contractId: `A${i}`, amount: 20000, performance: 15000 })),
      entry({ contractId: 'B1', housekeeper: '李四', housekeeperKey: '李四', amount: 30000, performance: 30000, rewardNames: ['接好运'], rewardTypes: ['幸运数字'] }),
      entry({ contractId: 'H1', housekeeper: '李四', housekeeperKey: '李四', historical: true, amount: 99999 }),
    ];
    const view = overview(campaign, entries);
    expect(view.totals).toEqual({ contracts: 7, amount: 150000, performance: 120000, announced: 8, awards: 1, historical: 1 });
    expect(view.progress[0]).toMatchObject({ housekeeper: '张三', basis: 90000, next: { tier: '优秀奖', contractsMissing: 0, amountMissing: 30000 } });
    expect(view.progress[1]).toMatchObject({ housekeeper: '李四', contracts: 1, next: { tier: '达标奖', contractsMissing: 5, amountMissing: 50000 } });
    expect(view.awards).toEqual([expect.objectContaining({ contractId: 'B1', name: '接好运', type: '幸运数字', amount: 36 })]);
    expect(view.daily).toEqual([{ day: '2025-06-02', contracts: 7, amount: 150000 }]);
  });

  it('has no tier progress for announcement-only campaigns', () => {
    const view = overview(getCampaign('BJ-2025-11'), [entry({})]);
    expect(view.progress[0]!.next).toBeNull();
  });
});
