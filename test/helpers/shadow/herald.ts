import { Herald } from '../../../main/core/herald.js';
import type { Db } from '../../../main/db/open.js';
import type { JobsConfig } from '../../../main/jobs/config.js';
import type { RunRow } from '../../../main/jobs/run-store.js';
import { jobsFor, type JobsService } from '../../../main/jobs/service.js';
import type { ManualClock } from '../../../main/shared/clock.js';
import { listShadowRuns, type ShadowRun } from '../../../main/shadow/run-store.js';
import { createTestTables, ManualWaker, TEST_ENQUEUE_MODULE, waitForRun } from '../jobs/herald.js';
import { catalogue } from './catalogue.js';

export const SHADOW_CATALOGUE_MODULE = new URL('./catalogue.ts', import.meta.url).href;

/** The jobs config of shadow tests: the shadow test catalogue, the test outbox, a waker the test drives. */
export function shadowJobsConfig(extra: Partial<JobsConfig> = {}): JobsConfig {
  return { catalogue: { jobs: catalogue, module: SHADOW_CATALOGUE_MODULE }, enqueueModule: TEST_ENQUEUE_MODULE, waker: new ManualWaker(), ...extra };
}

/** A started Herald (real SQLite file, the runner's workers) with the shadow test jobs and the test outbox. */
export async function startShadowHerald(dataDir: string, clock: ManualClock, extra: Partial<JobsConfig> = {}): Promise<{ herald: Herald; jobs: JobsService }> {
  const herald = Herald.open({ dataDir, mode: 'headless', clock, logToConsole: false, jobs: shadowJobsConfig(extra) });
  createTestTables(herald.db);
  await herald.start();
  return { herald, jobs: jobsFor(herald) };
}

/** Runs the job now on `input` and waits until the run has ended and its comparison is stored. */
export async function runWithInput(jobs: JobsService, jobId: string, input: unknown): Promise<RunRow> {
  const { runId } = jobs.runNow(jobId, input);
  return waitForRun(jobs, runId, 60_000);
}

/** The shadow run of a run (undefined in control mode). */
export function shadowRunOf(db: Db, jobId: string, runId: number): ShadowRun | undefined {
  return listShadowRuns(db, jobId, { limit: 500, offset: 0 }).runs.find((r) => r.runId === runId);
}

export interface OutboxRow {
  business_type: string;
  business_id: string;
  recipient: string;
  run_id: number;
}

export function outboxRows(db: Db): OutboxRow[] {
  return db.prepare('SELECT business_type, business_id, recipient, run_id FROM test_outbox ORDER BY id').all() as OutboxRow[];
}
