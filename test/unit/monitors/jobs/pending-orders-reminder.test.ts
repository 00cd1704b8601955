import { describe, expect, it } from 'vitest';
import { isHeraldError } from '../../../../main/shared/errors.js';
import { markPendingOrdersNotified } from '../../../../main/monitors/store/pending-orders.js';
import { PENDING_COLUMNS } from '../../../../main/monitors/transforms/pending-orders.js';
import { card, monitorStore, runMonitor, texts } from '../../../helpers/monitors.js';

const JOB = 'pending-orders-reminder';
const NOW = '2026-03-30T12:00:00Z';
const ago = (h: number) => new Date(Date.parse(NOW) - h * 3600_000).toISOString().replace('.000Z', '+00:00');
const order = (num: string, hours: number, org: string, status: string) => [num, `客户${num}`, `地址${num}`, `负责人${num}`, ago(hours), org, status];
const settings = { providers: ['A'] };
const active = (store: ReturnType<typeof monitorStore>) =>
  store.prepare('SELECT org_name AS org, COUNT(*) AS n FROM monitor_pending_orders WHERE is_active = 1 GROUP BY org_name ORDER BY org_name').all();

describe('pending-orders-reminder (v1 vectors §7.3, now 2026-03-30 12:00 UTC)', () => {
  it('two eligible orders of two providers → two digests; one per provider, to its recipient or the default', () => {
    const store = monitorStore();
    const run = runMonitor(store, JOB, card(PENDING_COLUMNS, [order('A001', 72, 'A', '待预约'), order('A002', 24, 'A', '待预约'), order('B001', 80, 'B', '暂不上门')]), NOW, settings);
    expect(run.output.counts).toMatchObject({ rows: 3, eligible: 2, providers: 2, digests: 2 });
    expect(run.output.messages.map((m) => m.recipient)).toEqual(['provider:A', 'wecom-default']);
    expect(run.output.messages[0]?.businessId).toBe('A::pending_orders_digest::2026-03-30T12:00:00+00:00');
    expect(texts(run)[0]).toBe(
      '📋 待预约工单提醒 (A)\n\n共有 1 个工单待预约：\n\n01. 工单号：001\n     客户：客户A001\n     地址：地址A001\n     负责人：负责人A001\n     创建时间：03-27 12:00（3天）\n     状态：待预约\n\n请及时跟进处理，如有疑问请联系运营人员。',
    );
    expect(active(store)).toEqual([{ org: 'A', n: 1 }, { org: 'B', n: 1 }]);
  });

  it('the same orders 30 minutes later are reminded again (every scheduled run); the same slot again is not', () => {
    const store = monitorStore();
    const rows = [order('A001', 72, 'A', '待预约'), order('B001', 80, 'B', '暂不上门')];
    runMonitor(store, JOB, card(PENDING_COLUMNS, rows), NOW, settings);
    expect(runMonitor(store, JOB, card(PENDING_COLUMNS, rows), '2026-03-30T12:30:00Z', settings).output.messages).toHaveLength(2);
    expect(runMonitor(store, JOB, card(PENDING_COLUMNS, rows), '2026-03-30T12:30:00Z', settings).output.messages).toHaveLength(0);
    expect(runMonitor(store, JOB, card(PENDING_COLUMNS, rows), '2026-03-30T13:00:00Z', { ...settings, digestIdentity: 'scheduled-date' }).output.messages).toHaveLength(2);
    expect(runMonitor(store, JOB, card(PENDING_COLUMNS, rows), '2026-03-30T13:30:00Z', { ...settings, digestIdentity: 'scheduled-date' }).output.messages).toHaveLength(0);
  });

  it('a second order for A → one digest listing both, ordered by create time; B is resolved', () => {
    const store = monitorStore();
    runMonitor(store, JOB, card(PENDING_COLUMNS, [order('A001', 72, 'A', '待预约'), order('B001', 80, 'B', '暂不上门')]), NOW, settings);
    const run = runMonitor(store, JOB, card(PENDING_COLUMNS, [order('A001', 72.5, 'A', '待预约'), order('A003', 100, 'A', '已预约')]), '2026-03-30T12:30:00Z', settings);
    expect(run.output.counts).toMatchObject({ providers: 1, digests: 1 });
    expect(texts(run)[0]).toMatch(/共有 2 个工单待预约：\n\n01\. 工单号：003[\s\S]*\n\n02\. 工单号：001/);
    expect(active(store)).toEqual([{ org: 'A', n: 2 }]);
  });

  it('the forced recipient overrides every provider route; delivered digests mark their orders notified', () => {
    const store = monitorStore();
    const run = runMonitor(store, JOB, card(PENDING_COLUMNS, [order('A001', 72, 'A', '待预约'), order('B001', 80, 'B', '暂不上门')]), NOW, { ...settings, forceRecipient: 'pending-orders-force' });
    expect(run.output.messages.map((m) => m.recipient)).toEqual(['pending-orders-force', 'pending-orders-force']);
    const fingerprints = run.output.messages[0]?.metadata?.pendingOrderFingerprints as string[];
    expect(markPendingOrdersNotified(store, fingerprints, NOW)).toBe(1);
    expect(store.prepare('SELECT order_num AS o FROM monitor_pending_orders WHERE notification_sent = 1').all()).toEqual([{ o: 'A001' }]);
  });
});

describe('pending-orders-reminder: bad input', () => {
  it('a card narrower than the 7 positional columns is an error before anything is stored', () => {
    const store = monitorStore();
    let error: unknown;
    try {
      runMonitor(store, JOB, card(PENDING_COLUMNS.slice(0, 6), [['A1', 'c', 'a', 's', ago(72), 'A']]), NOW);
    } catch (err) {
      error = err;
    }
    expect(isHeraldError(error) && error.code).toBe('MONITOR_CARD_COLUMNS_MISSING');
    expect(active(store)).toEqual([]);
  });

  it('unreadable rows are skipped with a warning naming row and column; an empty card is reported', () => {
    const run = runMonitor(monitorStore(), JOB, card(PENDING_COLUMNS, [order('A001', 72, 'A', '待预约'), ['A002', 'c', 'a', 's', 'tomorrow', 'A', '待预约']]), NOW, settings);
    expect(run.output.counts.eligible).toBe(1);
    expect(run.warnings[0]?.message).toMatch(/row 2 \(createTime\): create time tomorrow is not a date and time/);
    expect(runMonitor(monitorStore(), JOB, card(PENDING_COLUMNS, []), NOW).warnings.map((w) => w.message)).toEqual(['Card 1712 returned no rows.']);
  });

  it('a list where text belongs: Herald skips that order; v1 stopped before sending anything', () => {
    const rows = [order('A001', 72, 'A', '待预约'), ['A002', ['x'], 'a', 's', ago(72), 'A', '待预约']];
    const herald = runMonitor(monitorStore(), JOB, card(PENDING_COLUMNS, rows), NOW, settings);
    expect(herald.output.messages).toHaveLength(1);
    expect(herald.warnings[0]?.message).toMatch(/row 2 \(name\)/);
    const v1 = runMonitor(monitorStore(), JOB, card(PENDING_COLUMNS, rows), NOW, settings, 'v1-abort');
    expect(v1.output.messages).toEqual([]);
    expect(v1.abort?.error).toMatch(/storing order A002 failed/);
  });
});
