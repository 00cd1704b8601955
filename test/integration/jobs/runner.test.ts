import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../main/shared/clock.js';
import type { Herald } from '../../../main/core/herald.js';
import type { HeraldEvent } from '../../../main/api/contract/events.js';
import { tempDir } from '../../helpers/tmp.js';
import { businessRows, openTestHerald, waitFor, waitForRun, type TestHeraldOptions } from '../../helpers/jobs/herald.js';

const T0 = Date.parse('2026-03-02T08:00:00+08:00');
const opened: Herald[] = [];

async function start(options: Partial<TestHeraldOptions> = {}) {
  const clock = new ManualClock(T0);
  const h = openTestHerald({ dataDir: tempDir(), clock, ...options });
  opened.push(h.herald);
  await h.herald.start();
  return { ...h, clock };
}

afterEach(async () => {
  for (const h of opened.splice(0)) await h.close();
});

describe('job runner', () => {
  it('runs a pipeline in a worker: business rows, messages, counts, summary, progress, logs and memory in one run', async () => {
    const { herald, jobs } = await start();
    jobs.update('rows', { settings: { rows: 4, messages: 2 } });
    const { runId } = jobs.runNow('rows');
    const run = await waitForRun(jobs, runId);
    expect(run.status).toBe('succeeded');
    expect(run.trigger_kind).toBe('manual');
    expect(run.scheduled_at).toBe(T0);
    expect(businessRows(herald.db, runId).map((r) => r.value)).toEqual([1, 2, 3, 4]);
    expect(businessRows(herald.db, runId).every((r) => r.scheduled_at === T0)).toBe(true);
    const outbox = herald.db.prepare('SELECT business_type, recipient, run_id FROM test_outbox').all();
    expect(outbox).toEqual([
      { business_type: 'test.rows', recipient: 'test-group', run_id: runId },
      { business_type: 'test.rows', recipient: 'test-group', run_id: runId },
    ]);
    const detail = jobs.getRun(runId);
    expect(detail.counts).toEqual({ rows: 4 });
    expect(detail.summary).toEqual({ key: 'test.rows', params: { rows: 4 } });
    expect(detail.records).toBe(4);
    expect(detail.messages).toBe(2);
    expect(detail.messagesNew).toBe(2);
    expect(detail.progress).toEqual({ done: 4, total: 4, step: 'writing' });
    expect(detail.peakHeapBytes).toBeGreaterThan(0);
    expect(detail.peakRssBytes).toBeGreaterThan(0);
    expect(detail.durationMs).toBeGreaterThanOrEqual(0);
    expect(detail.input?.ref).toMatch(/^[0-9a-f]{64}$/);
    expect(detail.logs.map((l) => l.message)).toEqual(expect.arrayContaining(['fetching test rows', 'Input snapshot stored', 'rows written', 'Run succeeded']));
  });

  it('rolls back everything a failing pipeline wrote and raises an alert with the error', async () => {
    const { herald, jobs } = await start();
    const alerts: HeraldEvent[] = [];
    herald.events.subscribe((e) => e.type === 'alert' && alerts.push(e));
    jobs.update('rows', { settings: { rows: 3, fail: true } });
    const { runId } = jobs.runNow('rows');
    const run = await waitForRun(jobs, runId);
    expect(run.status).toBe('failed');
    expect(run.error_message).toBe('the test pipeline failed on purpose');
    expect(run.error_stack).toContain('catalogue.ts');
    expect(businessRows(herald.db)).toEqual([]);
    expect(herald.db.prepare('SELECT COUNT(*) AS n FROM test_outbox').get()).toEqual({ n: 0 });
    expect(jobs.getRun(runId).error).toEqual({ code: 'PIPELINE_FAILED', message: 'the test pipeline failed on purpose' });
    expect(alerts).toEqual([{ type: 'alert', kind: 'run-failed', title: '任务运行失败：测试任务 rows', body: `#${runId} the test pipeline failed on purpose` }]);
    const status = herald.status.current();
    expect(status.state).toBe('failed');
    expect(status.failures).toEqual([{ kind: 'run', summary: `rows #${runId}: the test pipeline failed on purpose`, at: new Date(T0).toISOString() }]);

    jobs.update('rows', { settings: { rows: 1 } });
    const next = await waitForRun(jobs, jobs.runNow('rows').runId);
    expect(next.status).toBe('succeeded');
    expect(herald.status.current().failures).toEqual([]);
  });

  it('fails a run of a job that is not built yet, saying so', async () => {
    const { jobs } = await start();
    const run = await waitForRun(jobs, jobs.runNow('not-built').runId);
    expect(run.status).toBe('failed');
    expect(run.error_code).toBe('JOB_NOT_BUILT');
    expect(run.error_message).toBe('The job "Job not built" is not built yet: waiting for issue 99');
    const listed = jobs.list().jobs.find((j) => j.id === 'not-built');
    expect(listed).toMatchObject({ available: false, unavailableReason: 'waiting for issue 99', triggers: [{ words: { key: 'daily', params: { time: '09:00' } } }] });
  });

  it('reruns a run with the same input snapshot and scheduled time, and takes manual input rows', async () => {
    const { herald, jobs, clock } = await start();
    const first = jobs.runNow('rows', { values: [7, 8] });
    await waitForRun(jobs, first.runId);
    expect(businessRows(herald.db, first.runId).map((r) => r.value)).toEqual([7, 8]);
    clock.advance(3_600_000);
    jobs.update('rows', { settings: { rows: 5 } });
    const again = jobs.rerun(first.runId);
    const rerun = await waitForRun(jobs, again.runId);
    expect(rerun).toMatchObject({ status: 'succeeded', trigger_kind: 'rerun', rerun_of: first.runId, scheduled_at: T0, input_ref: jobs.runs.get(first.runId)!.input_ref });
    expect(businessRows(herald.db, again.runId).map((r) => r.value)).toEqual([7, 8]);
  });

  it('refuses input that does not fit the job, naming the field, and writes nothing', async () => {
    const { herald, jobs } = await start();
    const run = await waitForRun(jobs, jobs.runNow('rows', { values: [1, 'two'] }).runId);
    expect(run.status).toBe('failed');
    expect(run.error_code).toBe('INVALID_RUN_INPUT');
    expect(run.error_message).toContain('values.1');
    expect(businessRows(herald.db)).toEqual([]);
  });

  it('cancels a run during its pipeline: the transaction rolls back', async () => {
    const { herald, jobs } = await start();
    jobs.update('rows', { settings: { rows: 2, holdMs: 30_000 } });
    const { runId } = jobs.runNow('rows');
    await waitFor(() => jobs.runner.running('rows')?.progress?.done === 2, 'rows written');
    expect(herald.status.current().runningJobs).toEqual([{ jobId: 'rows', runId, progress: '2/2 writing' }]);
    expect(jobs.getRun(runId).progress).toEqual({ done: 2, total: 2, step: 'writing' });
    expect(jobs.cancel(runId)).toEqual({ runId, status: 'running' });
    const run = await waitForRun(jobs, runId);
    expect(run.status).toBe('cancelled');
    expect(run.error_code).toBe('CANCELLED');
    expect(businessRows(herald.db)).toEqual([]);
    // The run's own log ends on the cancellation, never claiming success.
    const logs = jobs.getRun(runId).logs;
    expect(logs.at(-1)).toMatchObject({ level: 'warn' });
    expect(logs.map((l) => l.message).join('\n')).not.toMatch(/succeeded/i);
    // The connection the worker held is gone: the database takes writes again.
    herald.db.prepare('INSERT INTO test_business (run_id, value) VALUES (0, 0)').run();
  });

  it('cancels a run while it fetches its input (the fetch gets the abort signal)', async () => {
    const { jobs } = await start();
    jobs.update('rows', { settings: { fetchMs: 30_000 } });
    const { runId } = jobs.runNow('rows');
    await waitFor(() => jobs.runs.get(runId)?.status === 'running', 'run to start');
    jobs.cancel(runId);
    const run = await waitForRun(jobs, runId);
    expect(run.status).toBe('cancelled');
    expect(run.input_ref).toBeNull();
  });

  it('ends a run that exceeds its timeout as timed-out, writing nothing', async () => {
    const { herald, jobs } = await start({ variants: { rows: { options: { timeoutMs: 1500, misfire: 'run-once', overlap: 'queue-one', maxCatchUp: 3 } } } });
    jobs.update('rows', { settings: { rows: 2, holdMs: 30_000 } });
    const run = await waitForRun(jobs, jobs.runNow('rows').runId);
    expect(run.status).toBe('timed-out');
    expect(run.error_message).toBe('The run took longer than its limit of 2 s and was stopped; nothing it would have written was kept.');
    expect(businessRows(herald.db)).toEqual([]);
    expect(jobs.getRun(run.id).logs.map((l) => l.message).join('\n')).not.toMatch(/succeeded/i);
  });

  it('cancels a queued run before it starts', async () => {
    const { jobs } = await start();
    jobs.update('rows', { settings: { rows: 1, holdMs: 30_000 } });
    const first = jobs.runNow('rows');
    const second = jobs.runNow('rows');
    expect(jobs.cancel(second.runId)).toEqual({ runId: second.runId, status: 'cancelled' });
    expect(jobs.runs.get(second.runId)!.status).toBe('cancelled');
    jobs.cancel(first.runId);
    await waitForRun(jobs, first.runId);
    expect(() => jobs.cancel(first.runId)).toThrow(/has already ended \(cancelled\)/);
  });

  it('ends runs in flight as interrupted when Herald stops, queued ones included', async () => {
    const { herald, jobs } = await start();
    jobs.update('rows', { settings: { rows: 1, holdMs: 30_000 } });
    const running = jobs.runNow('rows');
    const queued = jobs.runNow('rows');
    await waitFor(() => jobs.runner.running('rows')?.progress, 'run to write');
    await herald.stop();
    expect(jobs.runs.get(running.runId)).toMatchObject({ status: 'interrupted', error_code: 'INTERRUPTED' });
    expect(jobs.runs.get(queued.runId)).toMatchObject({ status: 'interrupted', error_message: 'Herald stopped before this run started.' });
    expect(businessRows(herald.db)).toEqual([]);
  });
});
