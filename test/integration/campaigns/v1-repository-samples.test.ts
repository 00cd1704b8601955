import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ContractRow } from '../../../main/campaigns/index.js';
import { replayCampaign, rowsFromCsv } from '../../../main/campaigns/index.js';
import { fixturePath, readFixtureJson } from '../../helpers/fixtures.js';
import { vectorMessages } from '../../helpers/vectors.js';

describe('v1 repository samples (v1-vectors §5, §6)', () => {
  it('§5: the 2024 contract CSV under the 2025 Shanghai rules', () => {
    const rows = rowsFromCsv(fs.readFileSync(fixturePath('repo-tests', 'ContractData-SH-May_01.csv'), 'utf8'), 'ContractData-SH-May_01.csv');
    const batch = replayCampaign({ variant: 'SH-2025-05', batches: [rows] }).batches[0]!;
    expect(batch.records.map((r) => [r['活动编号'], r['备注'], r['奖金池'], r['计入业绩金额']])).toEqual([
      ['SH-2025-04', '距离达成节节高奖励条件还需 4 单', 4, 2000],
      ['SH-2025-04', '距离达成节节高奖励条件还需 4 单', 12, 6000],
    ]);
    expect(batch.recordFloatFields[0]).toContain('奖金池');
    expect(batch.recordFloatFields[0]).not.toContain('计入业绩金额');
    const [announcement] = vectorMessages('## 5.');
    expect(batch.messages[0]!.message).toBe(announcement!.text);
  });

  it('§6: the April 2025 production tasks, from contracts carrying what their messages show', () => {
    const tasks = readFixtureJson<Array<{ task_type: string; message: string }>>('repo-tests', 'tasks_db_message_samples_2025-04.json');
    const group = tasks.filter((t) => t.task_type === 'send_wecom_message');
    const rows: ContractRow[] = group.map((t, i) => {
      const m = /恭喜 (\S+) 签约合同 (\S+) 并[\s\S]*个人累计签约 ([\d,]+) 元，[\s\S]*个人转化率 (\d+)%/.exec(t.message)!;
      const amount = Number(m[3]!.replace(/,/g, ''));
      return {
        values: {
          '合同ID(_id)': `T${i + 1}`, '活动城市(province)': '310000', '工单编号(serviceAppointmentNum)': `GD${i + 1}`, Status: 1, '管家(serviceHousekeeper)': m[1]!,
          '合同编号(contractdocNum)': m[2]!, '合同金额(adjustRefundMoney)': amount, '支付金额(paidAmount)': amount, '差额(difference)': 0, State: 1,
          '创建时间(createTime)': '2025-04-29T15:00:00.000+08:00', '服务商(orgName)': '上海服务商', '签约时间(signedDate)': '2025-04-29T15:00:00.000+08:00',
          Doorsill: amount, '款项来源类型(tradeIn)': 1, '转化率(conversion)': Number(m[4]) / 100, '平均客单价(average)': amount,
        },
      };
    });
    const produced = replayCampaign({ variant: 'SH-2025-04', batches: [rows] }).batches[0]!.messages.map((m) => m.message);
    const sixth = tasks.find((t) => t.task_type === 'send_wechat_message' && t.message.includes('郭海华'))!;
    expect(produced).toEqual([...group.map((t) => t.message).slice(0, 6), sixth.message]);
  });
});

describe('v2.1.1 repository test: Shanghai dual track counts platform contracts only', () => {
  it('platform 25,000 → self-referral 15,000 → platform 30,000: three records, the second platform one still 3 contracts short', () => {
    const base = scenarioRow();
    const rows = [
      ['P1', 2, 25000],
      ['S1', 1, 15000],
      ['P2', 2, 30000],
    ].map(([id, type, amount]) => ({ values: { ...base, '合同ID(_id)': id!, '工单类型(sourceType)': type!, '合同金额(adjustRefundMoney)': amount! } }));
    const records = replayCampaign({ variant: 'SH-2025-09', batches: [rows] }).batches[0]!.records;
    expect(records).toHaveLength(3);
    expect(records[2]!['备注']).toContain('还需 3 单');
  });
});

function scenarioRow(): Record<string, string | number | boolean | null> {
  return readFixtureJson<Array<Record<string, string | number | boolean | null>>>('scenarios', 'sh_scenario_A.json')[0]!;
}
