import { describe, expect, it } from 'vitest';
import { TECHNICIAN_COLUMNS } from '../../../../main/monitors/transforms/technician-status.js';
import { card, monitorStore, runMonitor } from '../../../helpers/monitors.js';

const JOB = 'technician-status';
const change = (id: unknown, content: unknown, company: unknown = '北京虹象防水工程有限公司') => [id, '2025-05-22T09:35:03.325454+08:00', '李国旗', company, null, content];
const targets = (run: ReturnType<typeof runMonitor>) => run.output.messages.map((m) => m.recipient);

describe('technician-status (v1.0.1, spec §7.1)', () => {
  it('sends each new change to the company (WeChat) and the default webhook, once', () => {
    const store = monitorStore();
    const first = runMonitor(store, JOB, card(TECHNICIAN_COLUMNS, [change('e1', '下线')]), '2025-05-22T09:36:00+08:00');
    expect(targets(first)).toEqual(['wechat:北京虹象防水工程有限公司', 'webhook-url-default']);
    expect(first.output.messages.map((m) => m.content)).toEqual([
      { kind: 'text', text: '您好，公司的管家：李国旗，在2025-05-22 09:35  下线 了。' },
      { kind: 'text', text: '您好，公司的管家：李国旗，在2025-05-22 09:35  下线 了。' },
    ]);
    expect(runMonitor(store, JOB, card(TECHNICIAN_COLUMNS, [change('e1', '下线')]), '2025-05-22T09:39:00+08:00').output.messages).toEqual([]);
  });

  it('keeps v1 quirks by default: numeric ids notified on every poll, a repeated id twice; options fix both', () => {
    const store = monitorStore();
    const rows = [change(4711, ['上线']), change('e2', '休假'), change('e2', '休假')];
    expect(runMonitor(store, JOB, card(TECHNICIAN_COLUMNS, rows), '2025-05-22T09:36:00+08:00').output.counts.changes).toBe(3);
    expect(runMonitor(store, JOB, card(TECHNICIAN_COLUMNS, rows), '2025-05-22T09:39:00+08:00').output.counts.changes).toBe(1);
    const fixed = monitorStore();
    const settings = { matchNumericIds: true, dedupeWithinPoll: true };
    expect(runMonitor(fixed, JOB, card(TECHNICIAN_COLUMNS, rows), '2025-05-22T09:36:00+08:00', settings).output.counts.changes).toBe(2);
    expect(runMonitor(fixed, JOB, card(TECHNICIAN_COLUMNS, rows), '2025-05-22T09:39:00+08:00', settings).output.counts.changes).toBe(0);
  });

  it('bad rows: Herald skips them with a warning; v1 had already posted the rows before and stopped', () => {
    const rows = [change('e1', '下线'), ['e2', '2025-05-22T09:35:03+08:00', '张三', 'X', null, '上线'], change('e3', '上线')];
    const herald = runMonitor(monitorStore(), JOB, card(TECHNICIAN_COLUMNS, rows), '2025-05-22T09:36:00+08:00');
    expect(herald.output.counts.changes).toBe(2);
    expect(herald.warnings[0]?.message).toMatch(/row 2 \(changeTime\)/);
    const v1 = runMonitor(monitorStore(), JOB, card(TECHNICIAN_COLUMNS, rows), '2025-05-22T09:36:00+08:00', {}, 'v1-abort');
    expect(v1.output.counts.changes).toBe(1);
    expect(v1.abort).toMatchObject({ posted: true });
  });
});
