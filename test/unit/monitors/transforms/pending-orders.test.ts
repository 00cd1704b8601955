import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pendingDigestText, pendingSnapshots, simplifyOrderNumber } from '../../../../main/monitors/transforms/pending-orders.js';

const NOW_US = Date.parse('2026-03-30T12:00:00Z') * 1000;
const hoursAgo = (h: number) => new Date(Date.parse('2026-03-30T12:00:00Z') - h * 3600_000).toISOString().replace('.000Z', '+00:00');

describe('pending orders: eligibility (48-hour rule)', () => {
  it('keeps waiting orders older than 48 h and every other status regardless of age (v1 vectors §7.3)', () => {
    const rows = [
      ['A001', '客户1', '地址1', '负责人1', hoursAgo(72), 'A', '待预约'],
      ['A002', '客户2', '地址2', '负责人2', hoursAgo(24), 'A', '待预约'],
      ['B001', '客户3', '地址3', '负责人3', hoursAgo(80), 'B', '暂不上门'],
      ['C001', '客户4', '地址4', '负责人4', hoursAgo(1), 'C', '已预约'],
      ['D001', '客户5', '地址5', '负责人5', hoursAgo(47.9), 'D', '改约待预约'],
      ['E001', '客户6', '地址6', '负责人6', hoursAgo(48), 'E', '暂不上门（客户出差）'],
    ];
    const { snapshots, skipped } = pendingSnapshots(rows, NOW_US);
    expect(snapshots.map((s) => s.orderNum)).toEqual(['A001', 'B001', 'C001', 'E001']);
    expect(skipped).toEqual([]);
  });

  it('treats naive and Z times as UTC and skips rows v1 could not read, naming the column', () => {
    const rows = [
      ['X1', '', '', '', '2026-03-28T11:59:59', 'X', '待预约'],
      ['X2', '', '', '', '2026-03-28T12:00:01Z', 'X', '待预约'],
      ['X3', '', '', '', 'yesterday', 'X', '待预约'],
      ['X4', '', '', '', null, 'X', '待预约'],
      ['X5', '', '', '', hoursAgo(100), 'X', 5],
      ['X6'],
    ];
    const { snapshots, skipped } = pendingSnapshots(rows, NOW_US);
    expect(snapshots.map((s) => s.orderNum)).toEqual(['X1']);
    expect(skipped.map((s) => [s.row, s.column])).toEqual([[2, 'createTime'], [3, 'createTime'], [4, 'orderstatus'], [5, undefined]]);
  });

  it('fingerprints order and status together (a status change is a new snapshot)', () => {
    const [a] = pendingSnapshots([['A1', '', '', '', hoursAgo(100), 'P', '待预约']], NOW_US).snapshots;
    const [b] = pendingSnapshots([['A1', '', '', '', hoursAgo(100), 'P', '已预约']], NOW_US).snapshots;
    expect(a?.fingerprint).toBe(createHash('sha256').update('A1::待预约').digest('hex'));
    expect(a?.fingerprint).not.toBe(b?.fingerprint);
  });
});

describe('simplify_order_number (v1 vectors §2)', () => {
  it.each([
    ['GD2025088387', '88387'],
    ['GD20250810446', '10446'],
    ['GD123', '123'],
    ['ABC', 'ABC'],
    ['', '-'],
    ['GD-2025-00012345-7', '7'],
  ])('%s → %s', (input, expected) => {
    expect(simplifyOrderNumber(input)).toBe(expected);
  });
});

describe('pending orders: digest layout', () => {
  it('lays the digest out exactly (UTC MM-DD HH:MM, whole days, 5-space indents, blank line between orders)', () => {
    const now = Date.parse('2026-09-01T00:30:00Z') * 1000;
    const text = pendingDigestText(
      '北京怀军防水工程有限公司',
      [
        { orderNum: 'GD20260815932056', customerName: '王女士', address: '北京市海淀区学院路30号', supervisorName: '吴光辉', createTime: '2026-08-15T16:30:00.070957+08:00', orderStatus: '暂不上门（客户出差）' },
        { orderNum: 'YY2477', customerName: '', address: '上海市浦东新区张杨路45号', supervisorName: '芦鹏飞', createTime: '2026-08-29T20:30:00.26+08:00', orderStatus: '暂不上门' },
      ],
      now,
      'utc',
    );
    expect(text).toBe(
      '📋 待预约工单提醒 (北京怀军防水工程有限公司)\n\n共有 2 个工单待预约：\n\n' +
        '01. 工单号：32056\n     客户：王女士\n     地址：北京市海淀区学院路30号\n     负责人：吴光辉\n     创建时间：08-15 08:30（16天）\n     状态：暂不上门（客户出差）\n\n' +
        '02. 工单号：2477\n     客户：\n     地址：上海市浦东新区张杨路45号\n     负责人：芦鹏飞\n     创建时间：08-29 12:30（2天）\n     状态：暂不上门\n\n' +
        '请及时跟进处理，如有疑问请联系运营人员。',
    );
  });

  it('prints the PC-era date (own offset, MM-DD) or Shanghai time as options, and falls back on unreadable times', () => {
    const now = Date.parse('2026-09-01T00:30:00Z') * 1000;
    const order = { orderNum: 'A1', customerName: 'c', address: 'a', supervisorName: 's', createTime: '2026-08-29T20:30:00+08:00', orderStatus: 'x' };
    expect(pendingDigestText('P', [order], now, 'pc-era')).toContain('创建时间：08-29（2天）');
    expect(pendingDigestText('P', [order], now, 'shanghai')).toContain('创建时间：08-29 20:30（2天）');
    expect(pendingDigestText('P', [{ ...order, createTime: 'soon' }], now, 'utc')).toContain('创建时间：soon（未知）');
  });
});
