import { describe, expect, it } from 'vitest';
import { createShellCall, listTrayJobs } from '../../../main/app/api-calls.js';
import type { Dispatcher } from '../../../main/api/dispatcher.js';
import { onLogEntry, type LogEntry } from '../../../main/logging/logger.js';

function answering(data: unknown, calls: unknown[] = []): Dispatcher {
  return {
    invoke: (method, input) => {
      calls.push([method, input]);
      return Promise.resolve({ ok: true, data });
    },
  };
}

describe('the shell\'s API calls', () => {
  it('passes the input and returns the data', async () => {
    const calls: unknown[] = [];
    const call = createShellCall(answering({ runId: 7 }, calls));
    expect(await call('jobs.runNow', { jobId: 'sla-daily-report' })).toEqual({ runId: 7 });
    expect(calls).toEqual([['jobs.runNow', { jobId: 'sla-daily-report' }]]);
  });

  it('logs a failing method as an error and answers undefined', async () => {
    const logs: LogEntry[] = [];
    onLogEntry((e) => logs.push(e));
    const call = createShellCall({ invoke: () => Promise.resolve({ ok: false, error: { code: 'JOB_NOT_FOUND', message: 'There is no job x.' } }) });
    expect(await call('jobs.runNow', { jobId: 'x' })).toBeUndefined();
    expect(logs.find((l) => l.message === 'jobs.runNow failed')).toMatchObject({ level: 'error', context: { code: 'JOB_NOT_FOUND' } });
  });

  it('lists the jobs for the tray with titles in the UI language, none when the call fails', async () => {
    const list = {
      jobs: [
        { id: 'sla-daily-report', title: { 'zh-CN': 'SLA 日报', en: 'SLA report' }, enabled: true, paused: false },
        { id: 'pending-orders-reminder', title: { 'zh-CN': '待预约工单提醒', en: 'Pending orders' }, enabled: false, paused: true },
      ],
    };
    const call = createShellCall(answering(list));
    expect(await listTrayJobs(call, 'zh-CN')).toEqual([
      { id: 'sla-daily-report', title: 'SLA 日报', enabled: true, paused: false },
      { id: 'pending-orders-reminder', title: '待预约工单提醒', enabled: false, paused: true },
    ]);
    expect((await listTrayJobs(call, 'en')).map((j) => j.title)).toEqual(['SLA report', 'Pending orders']);
    const failing = createShellCall({ invoke: () => Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'x' } }) });
    expect(await listTrayJobs(failing, 'en')).toEqual([]);
  });
});
