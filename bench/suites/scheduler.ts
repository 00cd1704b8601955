import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Herald } from '../../main/core/herald.js';
import { jobsFor, type JobsService } from '../../main/jobs/service.js';
import type { JobDefinition } from '../../main/jobs/types.js';
import { ManualClock } from '../../main/shared/clock.js';
import { createLogger } from '../../main/logging/logger.js';
import { Scheduler, type ScheduledJob } from '../../main/triggers/scheduler.js';
import type { Waker } from '../../main/triggers/waker.js';
import { catalogue, CRON_JOBS, EVENT_JOBS, fetchStarts } from '../lib/scheduler-catalogue.js';

const IDLE_TICKS = 1000;
const EVENTS = 100;
const ON_TIME_FIRINGS = 2000;
/** The bench drives the scheduler itself: no timers. */
const still: Waker = { at: () => () => undefined, every: () => () => undefined };

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Number(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!.toFixed(2));
}

const stats = (values: number[]) => ({ p50: percentile(values, 50), p99: percentile(values, 99), samples: values.length });

/** Fires events one at a time (each run ends before the next event): to run start and to pipeline start. */
async function timeEvents(jobs: JobsService, fetchStarts?: Map<number, number>) {
  const toStart: number[] = [];
  const toPipeline: number[] = [];
  for (let i = 0; i < EVENTS; i += 1) {
    const fired = performance.now();
    const firedWall = Date.now();
    const [started] = jobs.fireEvent(`bench-${i % EVENT_JOBS}`);
    const runId = started!.runId;
    for (;;) {
      const r = jobs.runs.get(runId)!;
      if (r.status !== 'queued' && r.status !== 'running' && !jobs.runner.running(r.job_id)) {
        if (r.status !== 'succeeded') throw new Error(`bench run ${runId} ended ${r.status}: ${r.error_message}`);
        if (fetchStarts) toStart.push(fetchStarts.get(runId)! - fired);
        toPipeline.push((JSON.parse(r.counts!) as { startedAt: number }).startedAt - firedWall);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }
  return { toRunStart: fetchStarts ? stats(toStart) : undefined, toPipelineStart: stats(toPipeline) };
}

/** The same through out/main (after `npm run build`): plain JavaScript workers, as the installed app runs. */
async function timeCompiledBuild(): Promise<unknown> {
  const out = new URL('../../out/main/', import.meta.url);
  if (!fs.existsSync(new URL('jobs/service.js', out))) return 'not measured: run `npm run build` first';
  const { Herald: CompiledHerald } = (await import(new URL('core/herald.js', out).href)) as { Herald: typeof Herald };
  const { jobsFor: compiledJobsFor } = (await import(new URL('jobs/service.js', out).href)) as { jobsFor: typeof jobsFor };
  const module = new URL('../lib/event-catalogue.mjs', import.meta.url).href;
  const { catalogue: jsJobs } = (await import(module)) as { catalogue: JobDefinition[] };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-bench-compiled-'));
  const herald = CompiledHerald.open({ dataDir, mode: 'headless', logToConsole: false, jobs: { catalogue: { jobs: jsJobs, module }, waker: still } });
  try {
    await herald.start();
    const jobs = compiledJobsFor(herald);
    for (const job of jsJobs) jobs.update(job.id, { enabled: true });
    return (await timeEvents(jobs)).toPipelineStart;
  } finally {
    await herald.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * 1,000 registered jobs: the cost of a scheduler tick when nothing is due (every 30 s in
 * production), of scans that claim on-time firings and of the catch-up scan after a day asleep
 * (claims only, no runs), and the latency from `fireEvent` to the run starting on the main thread
 * (fetchInput called) and to the pipeline starting in its worker thread.
 */
export async function run(): Promise<Record<string, unknown>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-bench-scheduler-'));
  const clock = new ManualClock(Date.parse('2026-03-02T08:00:00+08:00'));
  const herald = Herald.open({
    dataDir,
    mode: 'headless',
    clock,
    logToConsole: false,
    jobs: { catalogue: { jobs: catalogue, module: new URL('../lib/scheduler-catalogue.ts', import.meta.url).href }, waker: still },
  });
  try {
    await herald.start();
    const jobs = jobsFor(herald);
    let t = performance.now();
    for (const job of catalogue) jobs.update(job.id, { enabled: true });
    const enableAllMs = performance.now() - t;

    t = performance.now();
    for (let i = 0; i < IDLE_TICKS; i += 1) jobs.scheduler.scan('tick');
    const idleTickMs = (performance.now() - t) / IDLE_TICKS;

    const events = await timeEvents(jobs, fetchStarts);

    // A scheduler whose firings go nowhere (no runs started), to time claims alone.
    const claimer = new Scheduler({ db: herald.db, clock, log: createLogger('bench'), waker: still, onFire: () => undefined });
    claimer.sync(catalogue.map((j): ScheduledJob => ({ jobId: j.id, triggers: j.triggers, active: true, misfire: 'run-once', maxCatchUp: 3 })));
    // On time: the clock steps to each next due time and the alarm's scan claims what is due.
    const earliest = herald.db.prepare('SELECT MIN(next_run_at) AS t FROM triggers WHERE next_run_at IS NOT NULL');
    let onTimeFirings = 0;
    let onTimeScans = 0;
    t = performance.now();
    while (onTimeFirings < ON_TIME_FIRINGS) {
      clock.set((earliest.get() as { t: number }).t);
      onTimeFirings += claimer.scan('timer').length;
      onTimeScans += 1;
    }
    const onTimeMs = performance.now() - t;
    // After a day asleep every trigger is late: each claim walks back to its latest missed time.
    clock.advance(86_400_000);
    t = performance.now();
    const catchUp = claimer.scan('resume').length;
    const catchUpMs = performance.now() - t;

    return {
      jobs: catalogue.length,
      cronJobs: CRON_JOBS,
      eventJobs: EVENT_JOBS,
      enableAllMs: Number(enableAllMs.toFixed(1)),
      idleTickMs: Number(idleTickMs.toFixed(3)),
      onTimeScans: { scans: onTimeScans, firings: onTimeFirings, msPerScan: Number((onTimeMs / onTimeScans).toFixed(2)), msPerFiring: Number((onTimeMs / onTimeFirings).toFixed(3)) },
      catchUpScanAfterOneDay: { firings: catchUp, ms: Number(catchUpMs.toFixed(0)), msPerFiring: Number((catchUpMs / catchUp).toFixed(2)) },
      eventToRunStartMs: events.toRunStart,
      eventToPipelineStartMs: { development: events.toPipelineStart, compiledBuild: await timeCompiledBuild() },
    };
  } finally {
    await herald.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
