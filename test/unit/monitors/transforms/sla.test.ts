import { describe, expect, it } from 'vitest';
import { SlaRecordError, parseSaCreateTime, slaDailyKey, slaDailyText, slaDigests, slaWeeklyDrafts, slaWeeklyReportText, weeklySplit } from '../../../../main/monitors/transforms/sla.js';
import { strftime } from '../../../../main/monitors/transforms/py-datetime.js';

const record = (fields: Record<string, unknown>) => new Map(Object.entries(fields));
const base = { orderNum: 'GD1', saCreateTime: '2026-10-26T16:24:58.280Z', supervisorName: '刘国顺', msg: '签约超时', memo: '报价后72小时内未完成签约', orgName: '服务商A', _id: 'id1' };

describe('SLA daily message', () => {
  it('prints the 2026 layout with the creation time in its own offset (no trailing line feed)', () => {
    expect(slaDailyText(record(base), 'cloud-2026', '')).toBe(
      '超时通知:\n工单编号：GD1\n建单时间：2026-10-26 16:24\n管家：刘国顺\n违规类型：签约超时\n违规描述：报价后72小时内未完成签约\n说明：以上数据为服务商昨日工单超时统计，如有异议请于下周一十二点前联系运营申诉。',
    );
  });

  it('normalises fractions to 6 digits and keeps negative offsets as written', () => {
    expect(strftime(parseSaCreateTime('2026-09-12T19:16:03.7070198+08:00'), '%Y-%m-%d %H:%M')).toBe('2026-09-12 19:16');
    expect(strftime(parseSaCreateTime('2026-10-27T04:15:36.809880-05:00'), '%Y-%m-%d %H:%M')).toBe('2026-10-27 04:15');
  });

  it('prints None for null fields, as the f-string did, and refuses an unreadable creation time', () => {
    expect(slaDailyText(record({ ...base, supervisorName: null }), 'cloud-2026', '')).toContain('管家：None\n');
    expect(() => slaDailyText(record({ ...base, saCreateTime: '' }), 'cloud-2026', '')).toThrow(SlaRecordError);
    expect(() => slaDailyText(record({ ...base, saCreateTime: 12 }), 'cloud-2026', '')).toThrow(SlaRecordError);
    const withoutMemo = record(base);
    withoutMemo.delete('memo');
    expect(() => slaDailyText(withoutMemo, 'cloud-2026', '')).toThrow(SlaRecordError);
  });

  it('prints the PC-era layout: str(datetime), the ops person, and 消息构建失败 when it cannot build', () => {
    const text = slaDailyText(record({ ...base, saCreateTime: '2024-10-21T09:38:53+08:00', supervisorName: null }), 'pc-era', '某人');
    expect(text).toBe('超时通知:\n工单编号：GD1\n建单时间：2024-10-21 09:38:53+08:00\n管家：\n违规类型：签约超时\n违规描述：报价后72小时内未完成签约\n说明：以上数据为服务商昨日工单超时统计，如有异议请于下周一十二点前联系运营人员某人申诉。');
    expect(slaDailyText(record({ ...base, saCreateTime: 'bad' }), 'pc-era', '某人')).toBe('消息构建失败');
  });

  it('keys the daily message as v1 did: sla-daily::date::org::order::msg::memo::sha256[:20]', () => {
    const key = slaDailyKey(record(base), '2026-10-28', 'cloud-2026');
    expect(key.startsWith('sla-daily::2026-10-28::服务商A::GD1::签约超时::报价后72小时内未完成签约::')).toBe(true);
    expect(key.split('::').at(-1)).toHaveLength(20);
  });
});

describe('SLA weekly report and praise', () => {
  const rows = [
    { businessDate: '2026-09-16', orgName: '乙', orderNum: 'GD2', supervisorName: '乔文祥', violationType: '签约超时' },
    { businessDate: '2026-09-14', orgName: '甲', orderNum: 'GD1', supervisorName: '李炜坤', violationType: '报价超时' },
  ];

  it('lays out the report for the Monday of the week', () => {
    expect(slaWeeklyReportText('乙', [rows[0]!], '2026-09-21', '')).toBe(
      '数据周期: 2026.09.14-2026.09.20\n服务商: 乙\n\n- 工单编号：GD2 管家：乔文祥 违规类型：签约超时\n\n如有异议，请于 2026.09.21 24 时前，联系运营人员申诉',
    );
  });

  it('splits configured providers into violating and compliant, in code-point order', () => {
    expect(weeklySplit(rows, ['丙', '甲', '丁'])).toEqual({ violating: ['乙', '甲'], compliant: ['丁', '丙'] });
  });

  it('emits praise first, then one report per violating provider, keyed by period end and provider', () => {
    const drafts = slaWeeklyDrafts(rows, { runDate: '2026-09-21', monday: '2026-09-21', semantics: 'cloud-2026', opsPersonName: '', configured: ['甲', '丙'], recipientOf: (p) => `provider:${p}` });
    expect(drafts.map((d) => [d.businessType, d.recipient])).toEqual([
      ['sla.weekly-praise', 'provider:丙'],
      ['sla.weekly-report', 'provider:乙'],
      ['sla.weekly-report', 'provider:甲'],
    ]);
    expect(drafts[0]?.content).toEqual({ kind: 'text', text: '上周无超时工单，请继续保持。👍' });
    expect(drafts[0]?.businessId.startsWith('sla-weekly-compliance::2026-09-20::丙::')).toBe(true);
  });
});

describe('SLA daily digest (unused PC variant)', () => {
  it('groups by provider in first-appearance order with a blank line between blocks', () => {
    const digests = slaDigests([record(base), record({ ...base, orgName: '服务商B', _id: 'id2' }), record({ ...base, orderNum: 'GD3' })], 'pc-era', '某人');
    expect(digests.map((d) => [d.provider, d.firstId])).toEqual([['服务商A', 'id1'], ['服务商B', 'id2']]);
    expect(digests[0]?.text).toBe(
      '📢 超时情况通报\n\n工单编号：GD1\n建单时间：2026-10-26 16:24:58.280000\n管家：刘国顺\n违规类型：签约超时\n违规描述：报价后72小时内未完成签约\n\n' +
        '工单编号：GD3\n建单时间：2026-10-26 16:24:58.280000\n管家：刘国顺\n违规类型：签约超时\n违规描述：报价后72小时内未完成签约\n\n' +
        '说明：以上数据为服务商昨日工单超时统计，如有异议请于下周一十二点前联系运营人员某人申诉。',
    );
  });
});
