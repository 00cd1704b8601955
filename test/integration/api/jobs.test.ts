import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { startTestServer, untilRunEnded } from '../../helpers/headless.js';
import { createTestTables, testJobsConfig } from '../../helpers/jobs/herald.js';
import { nextNineShanghai } from '../../helpers/jobs/time.js';
import { MONITOR_JOB_IDS } from '../../../main/monitors/definitions.js';

describe('jobs and runs API', () => {
  it('lists the default job set, all disabled, with triggers in words', async () => {
    const s = await startTestServer();
    const { jobs, pausedAll } = await s.call('jobs.list');
    expect(pausedAll).toBe(false);
    expect(jobs).toHaveLength(31);
    expect(jobs.every((j) => !j.enabled && j.nextRunAt === null && j.lastRun === null)).toBe(true);
    expect(jobs.find((j) => j.id === 'campaign-bj-2025-10')!.available).toBe(true);
    for (const id of MONITOR_JOB_IDS) expect(jobs.find((j) => j.id === id)!.available, id).toBe(true);
    for (const id of ['campaign-bj-2025-09', 'campaign-sh-2025-09']) expect(jobs.find((j) => j.id === id)!.available, id).toBe(true);
    const sla = jobs.find((j) => j.id === 'sla-daily-report')!;
    expect(sla.title).toEqual({ 'zh-CN': '服务超时日报（SLA）', en: 'Daily service (SLA) report' });
    expect(sla.triggers).toEqual([{ spec: { kind: 'cron', expression: '0 9 * * *' }, words: { key: 'daily', params: { time: '09:00' } }, nextRunAt: null }]);
    expect(jobs.find((j) => j.id === 'bj-sign-broadcast')!.triggers[0]!.words).toEqual({ key: 'everyMinutesBetween', params: { from: '08:00', to: '23:30', minutes: 30 } });
    expect(jobs.find((j) => j.id === 'contact-timeout-report')!.triggers).toEqual([]);
  });

  it('enables a job and shows its next run; refuses an invalid cron expression or time zone naming the field', async () => {
    const s = await startTestServer();
    const enabled = await s.call('jobs.update', { jobId: 'sla-daily-report', enabled: true });
    expect(enabled.enabled).toBe(true);
    expect(enabled.nextRunAt).toBe(new Date(nextNineShanghai(Date.now())).toISOString());

    const badCron = await s.raw('jobs.update', { jobId: 'sla-daily-report', triggers: [{ kind: 'cron', expression: '0 9 * * 8' }] });
    expect(badCron.body).toEqual({
      ok: false,
      error: { code: 'INVALID_TRIGGER', message: expect.stringMatching(/^triggers\.0\.expression: "0 9 \* \* 8" is not a valid cron expression/), context: { jobId: 'sla-daily-report', field: 'triggers.0.expression', issues: 1 } },
    });
    const badZone = await s.raw('jobs.update', { jobId: 'sla-daily-report', triggers: [{ kind: 'cron', expression: '0 9 * * *', timeZone: 'Shanghai' }] });
    expect(badZone.body).toMatchObject({ ok: false, error: { code: 'INVALID_TRIGGER', context: { field: 'triggers.0.timeZone' } } });
    const job = await s.call('jobs.get', { jobId: 'sla-daily-report' });
    expect(job.triggers.map((t) => t.spec)).toEqual([{ kind: 'cron', expression: '0 9 * * *' }]);
    expect(job.triggersCustomised).toBe(false);

    const berlin = await s.call('jobs.update', { jobId: 'sla-daily-report', triggers: [{ kind: 'cron', expression: '0 9 * * *', timeZone: 'Europe/Berlin' }] });
    expect(berlin.triggers[0]!.words).toEqual({ key: 'daily', params: { time: '09:00', timeZone: 'Europe/Berlin' } });
    expect(berlin.triggersCustomised).toBe(true);
  });

  it('pauses and resumes one job and all jobs, shown in the status', async () => {
    const s = await startTestServer();
    await s.call('jobs.update', { jobId: 'pending-orders-reminder', enabled: true });
    expect(await s.call('jobs.pause', { jobId: 'pending-orders-reminder' })).toMatchObject({ paused: true, nextRunAt: null });
    expect((await s.call('jobs.resume', { jobId: 'pending-orders-reminder' })).nextRunAt).not.toBeNull();
    expect(await s.call('jobs.pauseAll')).toEqual({ pausedAll: true });
    expect(await s.call('status.get')).toMatchObject({ state: 'paused', pausedAll: true });
    const paused = (await s.call('jobs.list')).jobs.find((j) => j.id === 'pending-orders-reminder')!;
    expect(paused.nextRunAt).toBeNull();
    expect(await s.call('jobs.resumeAll')).toEqual({ pausedAll: false });
    expect((await s.call('status.get')).state).toBe('ok');
  });

  it('runs a job that is not built: the run fails saying so, the API returns the message without the stack', async () => {
    const s = await startTestServer({ jobs: testJobsConfig() });
    const { runId } = await s.call('jobs.runNow', { jobId: 'not-built' });
    const run = await untilRunEnded(s, runId);
    expect(run.status).toBe('failed');
    expect(run.error).toEqual({ code: 'JOB_NOT_BUILT', message: 'The job "Job not built" is not built yet: waiting for issue 99' });
    expect(JSON.stringify(run)).not.toContain('at ');
    expect((await s.call('status.get')).state).toBe('failed');
    const rerun = await s.raw('runs.rerun', { runId });
    expect(rerun.body).toMatchObject({ ok: false, error: { code: 'RUN_HAS_NO_INPUT' } });
    const cancel = await s.raw('runs.cancel', { runId });
    expect(cancel.body).toMatchObject({ ok: false, error: { code: 'RUN_NOT_ACTIVE', message: `Run #${runId} has already ended (failed).` } });
    expect((await s.raw('jobs.runNow', { jobId: 'no-such-job' })).body).toMatchObject({ ok: false, error: { code: 'JOB_NOT_FOUND' } });
  });

  it('filters run history by job, status, trigger kind, date and text, with counts per status and pages', async () => {
    const s = await startTestServer({ jobs: testJobsConfig() });
    createTestTables(s.herald.db);
    const ok1 = await s.call('jobs.runNow', { jobId: 'rows', input: { values: [1] } });
    const bad = await s.call('jobs.runNow', { jobId: 'not-built' });
    const ok2 = await s.call('jobs.runNow', { jobId: 'rows-2', input: { values: [2, 3] } });
    for (const r of [ok1, bad, ok2]) await untilRunEnded(s, r.runId);
    const event = await s.call('jobs.fireEvent', { name: 'nobody-listens' });
    expect(event).toEqual({ runs: [] });

    const all = await s.call('runs.list', {});
    expect(all.runs.map((r) => r.id)).toEqual([ok2.runId, bad.runId, ok1.runId]);
    expect(all.total).toBe(3);
    expect(all.counts).toMatchObject({ succeeded: 2, failed: 1, running: 0, queued: 0 });

    const failed = await s.call('runs.list', { status: ['failed'] });
    expect(failed.runs.map((r) => r.id)).toEqual([bad.runId]);
    expect(failed.total).toBe(1);
    expect(failed.counts).toMatchObject({ succeeded: 2, failed: 1 });
    expect((await s.call('runs.list', { jobId: 'rows' })).runs.map((r) => r.id)).toEqual([ok1.runId]);
    expect((await s.call('runs.list', { triggerKind: ['cron'] })).total).toBe(0);
    expect((await s.call('runs.list', { text: 'not built' })).runs.map((r) => r.id)).toEqual([bad.runId]);
    expect((await s.call('runs.list', { text: '未实现' })).runs.map((r) => r.id)).toEqual([bad.runId]);
    expect((await s.call('runs.list', { text: `#${ok2.runId}` })).runs.map((r) => r.id)).toEqual([ok2.runId]);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await s.call('runs.list', { from: future })).total).toBe(0);
    expect((await s.call('runs.list', { to: future })).total).toBe(3);
    const page2 = await s.call('runs.list', { page: 2, pageSize: 2 });
    expect(page2).toMatchObject({ page: 2, pageSize: 2, total: 3 });
    expect(page2.runs.map((r) => r.id)).toEqual([ok1.runId]);

    const detail = await s.call('runs.get', { runId: ok2.runId });
    expect(detail).toMatchObject({ jobId: 'rows-2', triggerKind: 'manual', status: 'succeeded', counts: { rows: 2 }, input: { ref: detail.inputRef, sizeBytes: '{"values":[2,3]}'.length } });
    expect(detail.logs.map((l) => l.message)).toContain('rows written');
    const rerun = await s.call('runs.rerun', { runId: ok2.runId });
    expect((await untilRunEnded(s, rerun.runId))).toMatchObject({ status: 'succeeded', triggerKind: 'rerun', rerunOf: ok2.runId, inputRef: detail.inputRef, scheduledAt: detail.scheduledAt });

    const invalid = await s.raw('runs.list', { status: ['exploded'] });
    expect(invalid.status).toBe(400);

    const { file } = await s.call('diagnostics.export');
    const zip = unzipSync(fs.readFileSync(file));
    const section = JSON.parse(strFromU8(zip['runs.json']!)) as { recentRuns: Array<{ id: number; error: unknown }> };
    expect(section.recentRuns.map((r) => r.id)).toEqual([rerun.runId, ok2.runId, bad.runId, ok1.runId]);
    expect(JSON.stringify(section)).not.toContain('error_stack');
  });
});
