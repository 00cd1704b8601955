import { describe, expect, it, vi } from 'vitest';
import { createOptionalInvoker, listTrayJobs } from '../../../main/app/optional-methods.js';
import { createDispatcher, type Dispatcher } from '../../../main/api/dispatcher.js';
import { onLogEntry, type LogEntry } from '../../../main/logging/logger.js';
import type { HandlerMap } from '../../../main/api/dispatcher.js';

vi.mock('electron', () => import('../../fakes/electron/index.js'));

function answering(data: unknown): Dispatcher {
  return { invoke: () => Promise.resolve({ ok: true, data }) };
}

function captureLogs(): LogEntry[] {
  const entries: LogEntry[] = [];
  onLogEntry((e) => entries.push(e));
  return entries;
}

describe('optional API methods', () => {
  it('answers undefined for a method this build lacks and logs that once', async () => {
    const logs = captureLogs();
    const invoke = createOptionalInvoker(createDispatcher({} as HandlerMap));
    expect(await invoke('jobs.pauseAll')).toBeUndefined();
    expect(await invoke('jobs.pauseAll')).toBeUndefined();
    expect(logs.filter((l) => l.message === 'jobs.pauseAll is not available in this build')).toHaveLength(1);
  });

  it('passes the input and returns the data of a method that exists', async () => {
    const calls: unknown[] = [];
    const invoke = createOptionalInvoker({
      invoke: (method, input) => {
        calls.push([method, input]);
        return Promise.resolve({ ok: true, data: { started: true } });
      },
    });
    expect(await invoke('jobs.runNow', { jobId: 'sla-report' })).toEqual({ started: true });
    expect(calls).toEqual([['jobs.runNow', { jobId: 'sla-report' }]]);
  });

  it('logs a failing method as an error', async () => {
    const logs = captureLogs();
    const invoke = createOptionalInvoker({ invoke: () => Promise.resolve({ ok: false, error: { code: 'JOB_NOT_FOUND', message: 'There is no job x.' } }) });
    expect(await invoke('jobs.runNow', { jobId: 'x' })).toBeUndefined();
    expect(logs.find((l) => l.message === 'jobs.runNow failed')).toMatchObject({ level: 'error', context: { code: 'JOB_NOT_FOUND' } });
  });
});

describe('jobs for the tray', () => {
  const list = {
    jobs: [
      { id: 'sla-report', title: { 'zh-CN': 'SLA 日报', en: 'SLA report' }, enabled: true, paused: false, schedule: '0 9 * * *' },
      { id: 'pending', title: { 'zh-CN': '待处理工单', en: 'Pending orders' }, enabled: false, paused: true },
    ],
  };

  it('takes titles in the UI language', async () => {
    const invoke = createOptionalInvoker(answering(list));
    expect(await listTrayJobs(invoke, 'zh-CN')).toEqual([
      { id: 'sla-report', title: 'SLA 日报', enabled: true, paused: false },
      { id: 'pending', title: '待处理工单', enabled: false, paused: true },
    ]);
    expect((await listTrayJobs(invoke, 'en')).map((j) => j.title)).toEqual(['SLA report', 'Pending orders']);
  });

  it('lists nothing when jobs.list is missing or answers another shape', async () => {
    expect(await listTrayJobs(createOptionalInvoker(createDispatcher({} as HandlerMap)), 'en')).toEqual([]);
    expect(await listTrayJobs(createOptionalInvoker(answering({ jobs: [{ id: 1 }] })), 'en')).toEqual([]);
  });
});
