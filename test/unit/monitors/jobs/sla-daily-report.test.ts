import { describe, expect, it } from 'vitest';
import { isHeraldError } from '../../../../main/shared/errors.js';
import { SLA_COLUMNS } from '../../../../main/monitors/transforms/sla.js';
import { cardOf, monitorStore, runMonitor, texts } from '../../../helpers/monitors.js';

const JOB = 'sla-daily-report';
const providers = { providers: ['服务商A', '服务商B'] };
const row = (over: Record<string, unknown> = {}) => ({
  _id: 'v1', sid: 's1', saCreateTime: '2026-03-29T10:15:00+08:00', orderNum: 'GD001', province: '110000', orgName: '服务商A', supervisorName: '张三',
  sourceType: 5, status: '20', msg: '联系超时', memo: '工单派单后1小时内未联系客户', workType: '1', createTime: '2026-03-31T01:00:00+08:00', ...over,
});
const slaCard = (...rows: Array<Record<string, unknown>>) => cardOf(SLA_COLUMNS, rows);
const storedCount = (store: ReturnType<typeof monitorStore>, date: string) =>
  (store.prepare("SELECT COUNT(*) AS n FROM monitor_sla_violations WHERE business_date = ?").get(date) as { n: number }).n;

describe('sla-daily-report (v1 vectors §7.2)', () => {
  it('Tuesday 08:10: two violations of one provider → two daily messages for yesterday; a rerun sends nothing', () => {
    const store = monitorStore();
    const first = runMonitor(store, JOB, slaCard(row(), row({ _id: 'v2', orderNum: 'GD002', msg: '签约超时' })), '2026-03-31T08:10:00+08:00', providers);
    expect(first.output.counts).toMatchObject({ violations: 2, daily: 2, praise: 0, reports: 0 });
    expect(first.output.messages.map((m) => [m.businessType, m.recipient])).toEqual([['sla.daily', 'provider:服务商A'], ['sla.daily', 'provider:服务商A']]);
    expect(first.output.messages[0]?.businessId.startsWith('sla-daily::2026-03-30::服务商A::GD001::')).toBe(true);
    expect(texts(first)[0]).toBe(
      '超时通知:\n工单编号：GD001\n建单时间：2026-03-29 10:15\n管家：张三\n违规类型：联系超时\n违规描述：工单派单后1小时内未联系客户\n说明：以上数据为服务商昨日工单超时统计，如有异议请于下周一十二点前联系运营申诉。',
    );
    expect(storedCount(store, '2026-03-30')).toBe(2);
    const rerun = runMonitor(store, JOB, slaCard(row(), row({ _id: 'v2', orderNum: 'GD002', msg: '签约超时' })), '2026-03-31T08:40:00+08:00', providers);
    expect(rerun.output.messages).toEqual([]);
    expect(rerun.output.summary).toEqual({ key: 'monitors:summary.sla', params: { violations: 2, daily: 0, praise: 0, reports: 0, date: '2026-03-30' } });
  });

  it('Monday with a stored violation a week back and no new rows → a report for it, praise for the other', () => {
    const store = monitorStore();
    runMonitor(store, JOB, slaCard(row({ orderNum: 'GD23' })), '2026-03-24T09:00:00+08:00', providers);
    const monday = runMonitor(store, JOB, slaCard(), '2026-03-30T09:00:00+08:00', providers);
    expect(monday.output.counts).toMatchObject({ violations: 0, daily: 0, praise: 1, reports: 1 });
    expect(monday.output.messages.map((m) => [m.businessType, m.recipient])).toEqual([['sla.weekly-praise', 'provider:服务商B'], ['sla.weekly-report', 'provider:服务商A']]);
    expect(texts(monday)).toEqual([
      '上周无超时工单，请继续保持。👍',
      '数据周期: 2026.03.23-2026.03.29\n服务商: 服务商A\n\n- 工单编号：GD23 管家：张三 违规类型：联系超时\n\n如有异议，请于 2026.03.30 24 时前，联系运营人员申诉',
    ]);
  });

  it('uses the scheduled time, not the clock: a run just after midnight reports the day before it', () => {
    const store = monitorStore();
    const run = runMonitor(store, JOB, slaCard(row()), '2026-09-15T00:30:00+08:00', providers);
    expect(run.output.summary?.params.date).toBe('2026-09-14');
    expect(storedCount(store, '2026-09-14')).toBe(1);
  });

  it('sends a provider without its own recipient to the fallback, never drops it', () => {
    const run = runMonitor(monitorStore(), JOB, slaCard(row({ orgName: '北京九鼎建工建筑工程有限公司' })), '2026-03-31T09:00:00+08:00');
    expect(run.output.messages.map((m) => m.recipient)).toEqual(['wecom-default']);
  });
});

describe('sla-daily-report: bad input', () => {
  it('duplicate source rows (spec §12.8): Herald stores and sends one and warns; v1 stopped the day', () => {
    const herald = monitorStore();
    const run = runMonitor(herald, JOB, slaCard(row(), row()), '2026-03-31T09:00:00+08:00', providers);
    expect(run.output.messages).toHaveLength(1);
    expect(storedCount(herald, '2026-03-30')).toBe(1);
    expect(run.warnings[0]?.message).toMatch(/Card 1514: 1 row\(s\) not stored — row 2: same date, provider/);

    const v1 = monitorStore();
    runMonitor(v1, JOB, slaCard(row({ orderNum: 'EARLIER' })), '2026-03-31T08:00:00+08:00', providers, 'v1-abort');
    const stopped = runMonitor(v1, JOB, slaCard(row(), row()), '2026-03-31T09:00:00+08:00', providers, 'v1-abort');
    expect(stopped.abort?.error).toMatch(/storing the violations of 2026-03-30 failed/);
    expect(stopped.output.messages).toEqual([]);
    expect(v1.prepare('SELECT order_num FROM monitor_sla_violations').all()).toEqual([{ order_num: 'EARLIER' }]);
  });

  it('a renamed column is an error naming card and column, with nothing written', () => {
    const store = monitorStore();
    const renamed = cardOf(SLA_COLUMNS.map((c) => (c === 'orderNum' ? 'order_num' : c)), [row()]);
    let error: unknown;
    try {
      runMonitor(store, JOB, renamed, '2026-03-31T09:00:00+08:00');
    } catch (err) {
      error = err;
    }
    expect(isHeraldError(error) && error.code).toBe('MONITOR_CARD_COLUMNS_MISSING');
    expect(isHeraldError(error) && error.context).toMatchObject({ card: 1514, columns: 'orderNum' });
    expect(storedCount(store, '2026-03-30')).toBe(0);
    expect(store.prepare('SELECT COUNT(*) AS n FROM monitor_notified').get()).toEqual({ n: 0 });
  });

  it('an unreadable creation time: Herald stores it and skips its message with a warning; v1 stopped after queueing the rows before it', () => {
    const rows = [row(), row({ orderNum: 'BAD', saCreateTime: 'not a time' }), row({ orderNum: 'GD003' })];
    const herald = runMonitor(monitorStore(), JOB, slaCard(...rows), '2026-03-31T09:00:00+08:00', providers);
    expect(herald.output.messages.map((m) => m.businessId.split('::')[3])).toEqual(['GD001', 'GD003']);
    expect(herald.output.counts.violations).toBe(3);
    expect(herald.warnings.some((w) => /row 2 \(saCreateTime\)/.test(w.message))).toBe(true);

    const v1 = runMonitor(monitorStore(), JOB, slaCard(...rows), '2026-03-31T09:00:00+08:00', providers, 'v1-abort');
    expect(v1.output.messages.map((m) => m.businessId.split('::')[3])).toEqual(['GD001']);
    expect(v1.abort).toMatchObject({ posted: false });
  });

  it('a null provider or order: Herald skips the row with a warning; v1 failed the NOT NULL column', () => {
    const rows = [row({ orgName: null }), row({ orderNum: 'GD9' })];
    const herald = runMonitor(monitorStore(), JOB, slaCard(...rows), '2026-03-31T09:00:00+08:00', providers);
    expect(herald.output.messages).toHaveLength(1);
    expect(herald.warnings[0]?.context).toMatchObject({ card: 1514, rows: [{ row: 1, column: 'orgName', message: 'orgName is empty' }] });
    expect(runMonitor(monitorStore(), JOB, slaCard(...rows), '2026-03-31T09:00:00+08:00', providers, 'v1-abort').abort?.error).toMatch(/NOT NULL/);
  });
});

describe('sla-daily-report: options', () => {
  const pc = { semantics: 'pc-era', opsPersonName: '某人', pcEraProviderChats: { 北京虹象防水工程有限公司: '久安有方（沟通群）', 北京德客声商贸有限公司: '德客声（沟通群）' } };

  it('PC era: keyed by run date, str(datetime), chats by B.1, the admin contact as fallback, newest day first on Monday', () => {
    const store = monitorStore();
    const tue = runMonitor(store, JOB, slaCard(row({ orgName: '北京虹象防水工程有限公司', orderNum: 'GD15', saCreateTime: '2026-09-14T10:00:00+08:00' }), row({ orgName: '某公司', orderNum: 'GDX' })), '2026-09-15T11:00:00+08:00', pc);
    expect(tue.output.summary?.params.date).toBe('2026-09-15');
    expect(tue.output.messages.map((m) => m.recipient)).toEqual(['wecom-chat:久安有方（沟通群）', 'admin-contact']);
    expect(texts(tue)[0]).toBe('超时通知:\n工单编号：GD15\n建单时间：2026-09-14 10:00:00+08:00\n管家：张三\n违规类型：联系超时\n违规描述：工单派单后1小时内未联系客户\n说明：以上数据为服务商昨日工单超时统计，如有异议请于下周一十二点前联系运营人员某人申诉。');
    runMonitor(store, JOB, slaCard(row({ orgName: '北京虹象防水工程有限公司', orderNum: 'GD17' })), '2026-09-17T11:00:00+08:00', pc);
    const monday = runMonitor(store, JOB, slaCard(), '2026-09-21T11:00:00+08:00', pc);
    expect(monday.output.messages.map((m) => m.recipient)).toEqual(['wecom-chat:德客声（沟通群）', 'wecom-chat:久安有方（沟通群）', 'admin-contact']);
    expect(texts(monday)[1]).toBe(
      '数据周期: 2026.09.14-2026.09.20\n服务商: 北京虹象防水工程有限公司\n\n- 工单编号：GD17 管家：张三 违规类型：联系超时\n- 工单编号：GD15 管家：张三 违规类型：联系超时\n\n如有异议，请于 2026.09.21 24 时前，联系运营人员某人申诉',
    );
  });

  it('PC era force-Monday sends the weekly part on any day, for the week of the run', () => {
    const run = runMonitor(monitorStore(), JOB, slaCard(), '2026-09-16T11:00:00+08:00', { ...pc, forceMonday: 'true' });
    expect(run.output.messages.map((m) => m.businessType)).toEqual(['sla.weekly-praise', 'sla.weekly-praise']);
  });

  it('daily digest variant: one digest per provider, 昨日无超时工单 to the others', () => {
    const run = runMonitor(monitorStore(), JOB, slaCard(row(), row({ orderNum: 'GD002' })), '2026-03-31T09:00:00+08:00', { ...providers, dailyDigest: true });
    expect(run.output.messages.map((m) => [m.businessType, m.recipient])).toEqual([['sla.daily-digest', 'provider:服务商A'], ['sla.daily-praise', 'provider:服务商B']]);
    expect(texts(run)[0]).toBe(
      '📢 超时情况通报\n\n工单编号：GD001\n建单时间：2026-03-29 10:15\n管家：张三\n违规类型：联系超时\n违规描述：工单派单后1小时内未联系客户\n\n' +
        '工单编号：GD002\n建单时间：2026-03-29 10:15\n管家：张三\n违规类型：联系超时\n违规描述：工单派单后1小时内未联系客户\n\n' +
        '说明：以上数据为服务商昨日工单超时统计，如有异议请于下周一十二点前联系运营申诉。',
    );
    expect(texts(run)[1]).toBe('昨日无超时工单，请继续保持。👍');
  });
});
