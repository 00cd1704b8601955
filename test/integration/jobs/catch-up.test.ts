import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../main/shared/clock.js';
import type { Herald } from '../../../main/core/herald.js';
import type { JobsService } from '../../../main/jobs/service.js';
import type { JobOptions } from '../../../main/jobs/types.js';
import { tempDir } from '../../helpers/tmp.js';
import { businessRows, ManualWaker, openTestHerald, waitFor, waitForRun, type JobVariant } from '../../helpers/jobs/herald.js';

const at = (iso: string) => Date.parse(iso);
const MONDAY_9 = at('2026-03-02T09:00:00+08:00');
const opened: Herald[] = [];

const daily = (misfire: JobOptions['misfire'], maxCatchUp = 2): JobVariant => ({
  triggers: [{ kind: 'cron', expression: '0 9 * * *' }],
  options: { timeoutMs: 20_000, misfire, overlap: 'queue-one', maxCatchUp },
});
const variants = { rows: daily('run-once'), 'rows-2': daily('skip'), 'rows-3': daily('run-all', 2) };
const only = ['rows', 'rows-2', 'rows-3'];

async function open(dataDir: string, clock: ManualClock, waker = new ManualWaker()) {
  const h = openTestHerald({ dataDir, clock, waker, variants, only });
  opened.push(h.herald);
  return { ...h, waker };
}

function runsOf(jobs: JobsService) {
  return jobs.listRuns({ page: 1, pageSize: 100 }).runs.map((r) => ({ job: r.jobId, kind: r.triggerKind, scheduledAt: r.scheduledAt })).reverse();
}

async function settle(jobs: JobsService) {
  const ids = jobs.listRuns({ page: 1, pageSize: 100 }).runs.map((r) => r.id);
  for (const id of ids) await waitForRun(jobs, id);
}

afterEach(async () => {
  for (const h of opened.splice(0)) await h.close();
});

describe('catch-up after sleep and restart', () => {
  it('after a 3-day sleep: one catch-up run for run-once with the latest missed time, none for skip, bounded for run-all', async () => {
    const clock = new ManualClock(MONDAY_9 - 60_000);
    const { herald, jobs, waker } = await open(tempDir(), clock);
    await herald.start();
    for (const id of only) jobs.update(id, { enabled: true, settings: { rows: 1, messages: 0 } });
    clock.set(MONDAY_9);
    waker.fireAlarms(clock.now());
    await settle(jobs);
    expect(runsOf(jobs)).toEqual(only.map((job) => ({ job, kind: 'cron', scheduledAt: new Date(MONDAY_9).toISOString() })));

    clock.set(at('2026-03-05T10:07:00+08:00'));
    herald.power.emit('resume');
    waker.tick();
    herald.power.emit('resume');
    await settle(jobs);
    const afterSleep = runsOf(jobs).slice(3);
    expect(afterSleep).toEqual([
      { job: 'rows', kind: 'catch-up', scheduledAt: new Date(at('2026-03-05T09:00:00+08:00')).toISOString() },
      { job: 'rows-3', kind: 'catch-up', scheduledAt: new Date(at('2026-03-04T09:00:00+08:00')).toISOString() },
      { job: 'rows-3', kind: 'catch-up', scheduledAt: new Date(at('2026-03-05T09:00:00+08:00')).toISOString() },
    ]);
    // The handler saw the logical time: Thursday 09:00, not 10:07.
    const catchUp = jobs.listRuns({ page: 1, pageSize: 100, jobId: 'rows', triggerKind: ['catch-up'] }).runs[0]!;
    expect(businessRows(herald.db, catchUp.id).map((r) => r.scheduled_at)).toEqual([at('2026-03-05T09:00:00+08:00')]);
    expect(jobs.list().jobs.map((j) => j.nextRunAt)).toEqual(only.map(() => new Date(at('2026-03-06T09:00:00+08:00')).toISOString()));
  });

  it('keeps next_run_at across a restart and catches up when Herald was not running', async () => {
    const dataDir = tempDir();
    const clock = new ManualClock(MONDAY_9 - 60_000);
    const first = await open(dataDir, clock);
    await first.herald.start();
    for (const id of only) first.jobs.update(id, { enabled: true, settings: { rows: 1, messages: 0 } });
    await first.herald.close();
    opened.splice(opened.indexOf(first.herald), 1);

    clock.set(at('2026-03-05T10:07:00+08:00'));
    const second = await open(dataDir, clock);
    expect(second.jobs.scheduler.nextRuns('rows')).toEqual([MONDAY_9]);
    await second.herald.start();
    await waitFor(() => second.jobs.listRuns({ page: 1, pageSize: 100 }).total === 3, 'catch-up runs');
    await settle(second.jobs);
    expect(runsOf(second.jobs)).toEqual([
      { job: 'rows', kind: 'catch-up', scheduledAt: new Date(at('2026-03-05T09:00:00+08:00')).toISOString() },
      { job: 'rows-3', kind: 'catch-up', scheduledAt: new Date(at('2026-03-04T09:00:00+08:00')).toISOString() },
      { job: 'rows-3', kind: 'catch-up', scheduledAt: new Date(at('2026-03-05T09:00:00+08:00')).toISOString() },
    ]);
  });

  it('runs an event-triggered job with its payload as input', async () => {
    const clock = new ManualClock(MONDAY_9);
    const h = openTestHerald({ dataDir: tempDir(), clock, only: ['on-event', 'rows'] });
    opened.push(h.herald);
    await h.herald.start();
    expect(h.jobs.fireEvent('data-updated', { values: [5] })).toEqual([]);
    h.jobs.update('on-event', { enabled: true });
    const fired = h.jobs.fireEvent('data-updated', { values: [5, 6] });
    expect(fired).toEqual([{ jobId: 'on-event', runId: expect.any(Number), status: 'queued' }]);
    const run = await waitForRun(h.jobs, fired[0]!.runId);
    expect(run).toMatchObject({ status: 'succeeded', trigger_kind: 'event', event_name: 'data-updated', scheduled_at: MONDAY_9 });
    expect(businessRows(h.herald.db, run.id).map((r) => r.value)).toEqual([5, 6]);
  });
});
