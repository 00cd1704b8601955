import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../main/shared/clock.js';
import type { Herald } from '../../../main/core/herald.js';
import type { JobOptions } from '../../../main/jobs/types.js';
import { tempDir } from '../../helpers/tmp.js';
import { ManualWaker, openTestHerald, waitFor, waitForRun } from '../../helpers/jobs/herald.js';

const NINE = Date.parse('2026-03-02T09:00:00+08:00');
const opened: Herald[] = [];

afterEach(async () => {
  for (const h of opened.splice(0)) await h.close();
});

async function everyMinute(overlap: JobOptions['overlap']) {
  const clock = new ManualClock(NINE - 1000);
  const waker = new ManualWaker();
  const options: JobOptions = { timeoutMs: 20_000, misfire: 'run-once', overlap, maxCatchUp: 3 };
  const h = openTestHerald({ dataDir: tempDir(), clock, waker, only: ['rows', 'rows-2'], variants: { rows: { triggers: [{ kind: 'cron', expression: '* * * * *' }], options } } });
  opened.push(h.herald);
  await h.herald.start();
  h.jobs.update('rows', { enabled: true, settings: { rows: 1, messages: 0, holdMs: 1500 } });
  /** The trigger fires for the next minute (the timer's way). */
  const fire = () => {
    clock.advance(60_000);
    waker.tick();
  };
  clock.set(NINE);
  waker.tick();
  await waitFor(() => h.jobs.runner.running('rows')?.progress, 'first run to write');
  return { ...h, fire };
}

describe('no overlap', () => {
  it('coalesces firings during a slow run into at most one queued run', async () => {
    const { jobs, fire } = await everyMinute('queue-one');
    fire();
    fire();
    fire();
    const page = jobs.listRuns({ page: 1, pageSize: 10 });
    expect(page.runs.map((r) => r.status).reverse()).toEqual(['running', 'queued', 'skipped', 'skipped']);
    expect(page.runs[0]!.error?.message).toMatch(/^Skipped: run #\d+ was still running and another run was already queued\.$/);
    expect(jobs.list().jobs.find((j) => j.id === 'rows')).toMatchObject({ queued: 1, running: { runId: page.runs.at(-1)!.id } });
    for (const r of page.runs) await waitForRun(jobs, r.id, 20_000);
    const ended = jobs.listRuns({ page: 1, pageSize: 10 }).runs.map((r) => r.status).reverse();
    expect(ended).toEqual(['succeeded', 'succeeded', 'skipped', 'skipped']);
    // The queued run started only after the first ended.
    const [first, second] = jobs.listRuns({ page: 1, pageSize: 10 }).runs.reverse();
    expect(Date.parse(second!.startedAt!)).toBeGreaterThanOrEqual(Date.parse(first!.finishedAt!));
  });

  it('skips firings during a run with the skip policy, while other jobs run in parallel', async () => {
    const { jobs, fire } = await everyMinute('skip');
    fire();
    const other = jobs.runNow('rows-2');
    await waitFor(() => jobs.runner.running('rows-2'), 'another job to run alongside');
    expect(jobs.runner.running('rows')).toBeDefined();
    const statuses = jobs.listRuns({ page: 1, pageSize: 10, jobId: 'rows' }).runs.map((r) => r.status).reverse();
    expect(statuses).toEqual(['running', 'skipped']);
    expect((await waitForRun(jobs, other.runId)).status).toBe('succeeded');
  });
});
