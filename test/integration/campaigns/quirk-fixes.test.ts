import { describe, expect, it } from 'vitest';
import type { ContractRow, QuirkFix } from '../../../main/campaigns/index.js';
import { QUIRK_FIXES, quirkFixNames, replayCampaign } from '../../../main/campaigns/index.js';
import { JsonObject } from '../../../main/campaigns/input/json-rows.js';
import type { PyJson } from '../../../main/campaigns/input/json-rows.js';
import { loadExpected, scenarioDifferences, scenarioInput } from '../../helpers/campaign-scenarios.js';

/**
 * Each v1 bug is reproduced by default (the scenario tests prove that) and corrected by its named
 * fix. The corrected behaviour is checked against what v1 itself did where it was right: the legacy
 * pipeline, the platform rule as configured, the layout's own closing message.
 */

function replay(variant: string, inputs: string[], fixes: QuirkFix[] = [], extra?: (rows: ContractRow[], batch: number) => ContractRow[]) {
  return replayCampaign({ variant, batches: inputs.map((f, i) => (extra ? extra(scenarioInput(f), i) : scenarioInput(f))), fixes });
}

function fixtureRecords(fixture: string, batch: number): JsonObject[] {
  const doc = loadExpected(fixture);
  const batches = doc instanceof JsonObject ? (doc.fields.get('batches') as PyJson[]) : [];
  return ((batches[batch] as JsonObject).fields.get('records') as PyJson[]).map((r) => r as JsonObject);
}

function field(record: JsonObject, key: string): unknown {
  const v = record.fields.get(key);
  return v !== null && typeof v === 'object' && 'v' in v ? v.v : v;
}

describe('quirk fixes', () => {
  it('lists every fix with its description', () => {
    expect(quirkFixNames).toHaveLength(7);
    for (const name of quirkFixNames) expect(QUIRK_FIXES[name].length).toBeGreaterThan(40);
  });

  it('fixSh12EmptyClosingLine: SH-2025-12 closes with the configured message', () => {
    const quirk = replay('SH-2025-12', ['sh_scenario_A.json']).batches[0]!.messages[0]!.message;
    const fixed = replay('SH-2025-12', ['sh_scenario_A.json'], ['fixSh12EmptyClosingLine']).batches[0]!.messages[0]!.message;
    expect(quirk).toContain('\n👊  🎉🎉🎉。\n');
    expect(fixed).toContain('\n👊 继续加油，再接再厉！ 🎉🎉🎉。\n');
    expect(fixed.replace('继续加油，再接再厉！', '')).toBe(quirk);
  });

  it('fixBjNewArchEmptyClosingLine: the generic Beijing layout congratulates once all tiers are reached', () => {
    // Ten 50,000 contracts reach every BJ-2025-09 tier (280,000) on the tenth.
    const tenBig = (rows: ContractRow[]) =>
      Array.from({ length: 10 }, (_, i) => ({
        values: { ...rows[1]!.values, '合同ID(_id)': `X${i}`, '工单编号(serviceAppointmentNum)': `WO${i}`, '合同金额(adjustRefundMoney)': 50000, '合同编号(contractdocNum)': `DOC-${i}` },
      }));
    const last = (fixes: QuirkFix[]) => {
      const batch = replay('BJ-2025-09@new', ['bj_sep_scenario.json'], fixes, tenBig).batches[0]!;
      expect(batch.records[9]!['备注']).toBe('无');
      return batch.messages.filter((m) => m.recipient === 'bj-ops-group')[9]!.message;
    };
    expect(last([])).toMatch(/\n\n👊 。\n$/);
    expect(last(['fixBjNewArchEmptyClosingLine'])).toMatch(/\n\n👊 恭喜已经达成所有奖励，祝愿再接再厉，再创佳绩 🎉🎉🎉。\n$/);
  });

  it('fixShTierBasisPlatformOnly: SH-2025-10 tiers on platform contracts, as SH-2025-09@new does', () => {
    const fixed = replay('SH-2025-10', ['sh_scenario_A.json'], ['fixShTierBasisPlatformOnly']).batches[0]!.records;
    const designed = fixtureRecords('SH-2025-09@new.json', 0);
    fixed.forEach((r, i) => {
      const platform = r['工单类型'] === '平台单';
      expect(r['备注']).toBe(field(designed[i]!, '备注'));
      if (platform) expect(r['奖励名称']).toBe(field(designed[i]!, '奖励名称'));
      else expect(r['奖励名称']).toBe('');
    });
    const quirk = replay('SH-2025-10', ['sh_scenario_A.json']).batches[0]!.records;
    expect(quirk[5]!['奖励名称']).toBe('基础奖');
    expect(fixed[5]!['奖励名称']).toBe('');
  });

  it('fixAddressDedupAcrossRuns: a project address rewarded in an earlier run earns no second 红包', () => {
    const dedup = ['sh_dedup_run1.json', 'sh_dedup_run2.json'];
    const quirk = replay('SH-2025-09@new', dedup).batches[1]!.records;
    const fixed = replay('SH-2025-09@new', dedup, ['fixAddressDedupAcrossRuns']).batches[1]!.records;
    const legacy = fixtureRecords('SH-2025-09_dedup.json', 1);
    expect(quirk[2]!['奖励名称']).toBe('红包');
    expect(fixed[2]!['奖励名称']).toBe(field(legacy[2]!, '奖励名称'));
    expect(fixed[2]!['激活奖励状态']).toBe(field(legacy[2]!, '激活奖励状态'));
  });

  it('fixWorkOrderLimitAcrossRuns: two runs count the work order as one run does', () => {
    const runs = replay('BJ-2025-10', ['bj_oct_workorder_run1.json', 'bj_oct_workorder_run2.json'], ['fixWorkOrderLimitAcrossRuns']);
    const oneRun = loadExpected('BJ-2025-10_workorder_one_run.json');
    const asTwoBatches = { ...runs, batches: [{ ...runs.batches[0]!, records: [...runs.batches[0]!.records, ...runs.batches[1]!.records], recordFloatFields: [...runs.batches[0]!.recordFloatFields, ...runs.batches[1]!.recordFloatFields], messages: [...runs.batches[0]!.messages, ...runs.batches[1]!.messages] }] };
    expect(scenarioDifferences(oneRun, asTwoBatches)).toEqual([]);
  });

  it('fixShSepDuplicateExistingCountedTwice: a repeated ledger contract counts once', () => {
    const repeatC101 = (rows: ContractRow[], batch: number) => (batch === 1 ? [rows[0]!, ...rows] : rows);
    const inputs = ['sh_dedup_run1.json', 'sh_dedup_run2.json'];
    const quirk = replay('SH-2025-09', inputs, [], repeatC101);
    const fixed = replay('SH-2025-09', inputs, ['fixShSepDuplicateExistingCountedTwice'], repeatC101);
    expect(quirk.batches[1]!.records[0]!['管家累计单数']).toBe(4);
    expect(quirk.batches[1]!.warnings.join()).toMatch(/C101 appears more than once/);
    expect(scenarioDifferences(loadExpected('SH-2025-09_dedup.json'), fixed)).toEqual([]);
  });

  it('fixHistoricalFlagTruthiness: 是否历史合同 = N is not historical', () => {
    const markN = (rows: ContractRow[]) => rows.map((r) => (r.values['合同ID(_id)'] === 'C302' ? { values: { ...r.values, 是否历史合同: 'N' } } : r));
    const quirk = replay('BJ-2025-09@new', ['bj_sep_scenario.json'], [], markN).batches[0]!.records;
    const fixed = replay('BJ-2025-09@new', ['bj_sep_scenario.json'], ['fixHistoricalFlagTruthiness'], markN).batches[0]!.records;
    expect(quirk[1]!['备注']).toBe('历史合同-仅计入业绩金额');
    expect(fixed[1]!['备注']).toBe(field(fixtureRecords('BJ-2025-09@new.json', 0)[1]!, '备注'));
    expect(fixed[1]!['活动期内第几个合同']).toBe(1);
  });
});
