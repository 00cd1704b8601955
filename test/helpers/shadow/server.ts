import type { ShadowMode } from '../../../main/shadow/config.js';
import { jobsFor } from '../../../main/jobs/service.js';
import type { RunRow } from '../../../main/jobs/run-store.js';
import { startTestServer, type TestServer } from '../headless.js';
import { createTestTables, waitForRun } from '../jobs/herald.js';
import { scenarioInput } from '../campaign-scenarios.js';
import { shadowJobsConfig } from './herald.js';

/** Headless Herald over real HTTP with the shadow test jobs (the September campaigns among them) and the test outbox. */
export async function startShadowServer(options: { dataDir?: string } = {}): Promise<TestServer> {
  const s = await startTestServer({ ...options, jobs: shadowJobsConfig() });
  createTestTables(s.herald.db);
  return s;
}

/** Puts a job in a mode through the API (`v1-db` as candidate). */
export function switchMode(s: TestServer, jobId: string, mode: ShadowMode, reason = `test: ${mode}`) {
  return s.call('shadow.setMode', { jobId, mode, ...(mode === 'control' ? {} : { candidatePipeline: 'v1-db' }), reason });
}

/** Runs a September campaign job now on a scenario input file (fixtures/scenarios) and waits for it and its comparison. */
export async function runScenario(s: TestServer, jobId: string, file: string): Promise<RunRow> {
  const { runId } = await s.call('jobs.runNow', { jobId, input: scenarioInput(file) });
  return waitForRun(jobsFor(s.herald), runId, 60_000);
}
