import { Herald } from '../../../main/core/herald.js';
import type { Db } from '../../../main/db/open.js';
import type { JobDefinition } from '../../../main/jobs/types.js';
import type { CatalogueRef, JobsConfig } from '../../../main/jobs/config.js';
import type { RunRow } from '../../../main/jobs/run-store.js';
import { jobsFor, type JobsService } from '../../../main/jobs/service.js';
import { FINISHED_STATUSES } from '../../../main/api/contract/jobs.js';
import type { Waker } from '../../../main/triggers/waker.js';
import type { ManualClock } from '../../../main/shared/clock.js';
import { catalogue } from './catalogue.js';

// No vitest imports here: crash tests load this file in a child process.

export const TEST_CATALOGUE_MODULE = new URL('./catalogue.ts', import.meta.url).href;
export const TEST_ENQUEUE_MODULE = new URL('./enqueue.ts', import.meta.url).href;

/** A waker the test drives: alarms fire when the test says so, never on their own. */
export class ManualWaker implements Waker {
  readonly alarms = new Set<{ at: number; fn: () => void }>();
  readonly ticks = new Set<() => void>();

  at(at: number, fn: () => void): () => void {
    const alarm = { at, fn };
    this.alarms.add(alarm);
    return () => this.alarms.delete(alarm);
  }

  every(_ms: number, fn: () => void): () => void {
    this.ticks.add(fn);
    return () => this.ticks.delete(fn);
  }

  /** Fires the alarms due at `now`, as the timer would. */
  fireAlarms(now: number): void {
    for (const alarm of [...this.alarms]) {
      if (alarm.at > now) continue;
      this.alarms.delete(alarm);
      alarm.fn();
    }
  }

  tick(): void {
    for (const fn of [...this.ticks]) fn();
  }

  /** The earliest alarm set (the next due time the scheduler is waiting for). */
  nextAlarm(): number | undefined {
    const times = [...this.alarms].map((a) => a.at);
    return times.length ? Math.min(...times) : undefined;
  }
}

export type JobVariant = Partial<Pick<JobDefinition, 'triggers' | 'options'>>;

/** Test jobs with per-test triggers and options; only the named ones when `only` is given. */
export function testCatalogue(variants: Record<string, JobVariant> = {}, only?: readonly string[]): CatalogueRef {
  const jobs = catalogue
    .filter((j) => !only || only.includes(j.id))
    .map((j) => ({ ...j, ...variants[j.id], options: { ...j.options, ...variants[j.id]?.options } }));
  return { jobs, module: TEST_CATALOGUE_MODULE };
}

export function createTestTables(db: Db): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS test_business (run_id INTEGER, job_id TEXT, value INTEGER, scheduled_at INTEGER);
    CREATE TABLE IF NOT EXISTS test_outbox (
      id INTEGER PRIMARY KEY, business_type TEXT, business_id TEXT, recipient TEXT, text TEXT, job_id TEXT, run_id INTEGER,
      UNIQUE (business_type, business_id, recipient)
    );
  `);
}

export interface TestHeraldOptions {
  dataDir: string;
  clock: ManualClock;
  waker?: ManualWaker;
  variants?: Record<string, JobVariant>;
  only?: readonly string[];
  jobs?: Partial<JobsConfig>;
}

export function testJobsConfig(options: Pick<TestHeraldOptions, 'waker' | 'variants' | 'only' | 'jobs'> = {}): JobsConfig {
  return {
    catalogue: testCatalogue(options.variants, options.only),
    enqueueModule: TEST_ENQUEUE_MODULE,
    waker: options.waker ?? new ManualWaker(),
    ...options.jobs,
  };
}

/** Opens (does not start) a Herald on `dataDir` with the test jobs and tables. */
export function openTestHerald(options: TestHeraldOptions): { herald: Herald; jobs: JobsService } {
  const herald = Herald.open({ dataDir: options.dataDir, mode: 'headless', clock: options.clock, logToConsole: false, jobs: testJobsConfig(options) });
  createTestTables(herald.db);
  return { herald, jobs: jobsFor(herald) };
}

export async function waitFor<T>(probe: () => T | undefined | false, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Waits until the run has ended (and its bookkeeping is written). */
export function waitForRun(jobs: JobsService, runId: number, timeoutMs?: number): Promise<RunRow> {
  return waitFor(() => {
    const row = jobs.runs.get(runId);
    return row && FINISHED_STATUSES.includes(row.status) && jobs.runner.running(row.job_id)?.runId !== runId ? row : undefined;
  }, `run #${runId} to end`, timeoutMs);
}

export function businessRows(db: Db, runId?: number): Array<{ run_id: number; job_id: string; value: number; scheduled_at: number }> {
  return (runId === undefined ? db.prepare('SELECT * FROM test_business ORDER BY rowid').all() : db.prepare('SELECT * FROM test_business WHERE run_id = ? ORDER BY rowid').all(runId)) as Array<{
    run_id: number;
    job_id: string;
    value: number;
    scheduled_at: number;
  }>;
}
