import { describe, expect, it } from 'vitest';
import { isHeraldError } from '../../../../main/shared/errors.js';
import { MONITOR_JOBS } from '../../../../main/monitors/definitions.js';
import { card, monitorStore, runMonitor, texts } from '../../../helpers/monitors.js';

const JOB = 'housekeeper-offline-broadcast';
const cols = [{ name: 'eventId', display_name: '事件ID' }, { name: 'createTime' }, { name: 'createUserName' }, { name: '动作' }];

describe('housekeeper-offline-broadcast (v1 vectors §7.4, now 2026-07-01 09:30 UTC)', () => {
  it('broadcasts a recent event once: the second poll sends nothing', () => {
    const store = monitorStore();
    const input = { cols, rows: [['event-1', '2026-07-01T17:19:09.72+08:00', '张三', ['下线']], ['event-0', '2025-09-23T10:00:00+08:00', '李四', '上线']] };
    const first = runMonitor(store, JOB, input, '2026-07-01T09:30:00Z');
    expect(texts(first)).toEqual(['管家【张三】于【2026-07-01 17:19:09】【下线】了。']);
    expect(first.output.messages[0]?.recipient).toBe('housekeeper-offline-group');
    expect(first.output.counts).toMatchObject({ rows: 2, valid: 1, stale: 1, invalid: 0, broadcasts: 1 });
    expect(runMonitor(store, JOB, input, '2026-07-01T10:00:00Z').output.messages).toEqual([]);
  });

  it('honours the lookback setting and requires errcode 0 for delivery', () => {
    const input = { cols, rows: [['e', '2026-07-01T16:00:00+08:00', '张三', '下线']] };
    expect(runMonitor(monitorStore(), JOB, input, '2026-07-01T09:30:00Z').output.messages).toHaveLength(0);
    expect(runMonitor(monitorStore(), JOB, input, '2026-07-01T09:30:00Z', { lookbackMinutes: '120' }).output.messages).toHaveLength(1);
    expect(MONITOR_JOBS[JOB]?.delivery).toEqual({ pacingMs: 200, success: 'wecom-errcode' });
    expect(runMonitor(monitorStore(), JOB, input, '2026-07-01T09:30:00Z', { lookbackMinutes: '120' }).output.messages[0]?.delivery).toEqual({ pacingMs: 200, success: 'wecom-errcode' });
  });

  it('bad input: a card without the operation column is an error; events without a name are skipped with a warning', () => {
    let error: unknown;
    try {
      runMonitor(monitorStore(), JOB, card(['createTime', 'createUserName'], [['2026-07-01T09:00:00Z', '张三']]), '2026-07-01T09:30:00Z');
    } catch (err) {
      error = err;
    }
    expect(isHeraldError(error) && error.context).toMatchObject({ card: 2085, columns: 'operation or 动作' });
    const run = runMonitor(monitorStore(), JOB, { cols, rows: [['e', '2026-07-01T09:00:00Z', '', '下线']] }, '2026-07-01T09:30:00Z');
    expect(run.warnings[0]?.context).toMatchObject({ card: 2085, rows: [{ row: 1, column: 'createUserName' }] });
  });
});
