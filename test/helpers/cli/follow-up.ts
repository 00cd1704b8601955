import { Herald } from '../../../main/core/herald.js';
import type { RunRow } from '../../../main/jobs/run-store.js';
import { jobsFor } from '../../../main/jobs/service.js';
import type { PipelineJob } from '../../../main/jobs/types.js';
import { readRunInput } from '../../../main/cli/run-input.js';
import { waitForRun } from '../jobs/herald.js';
import { CATALOGUE_MODULE, catalogue } from './catalogue.js';

export type RunJob = (jobId: string, inputFile: string, at: string) => Promise<RunRow>;

/**
 * Runs jobs of the CLI test catalogue in-process on a data folder (what `herald run … --dry-run`
 * does, without a process per run): each run through the real runner, its messages held to DRY_RUN.
 */
export async function withTestJobs<T>(dataDir: string, fn: (run: RunJob, herald: Herald) => Promise<T>): Promise<T> {
  const herald = Herald.open({ dataDir, mode: 'cli', logToConsole: false, jobs: { catalogue: { jobs: catalogue, module: CATALOGUE_MODULE } } });
  const jobs = jobsFor(herald);
  const run: RunJob = async (jobId, inputFile, at) => {
    const body = jobs.jobs.get(jobId)!.body as PipelineJob;
    const input = await readRunInput(inputFile, jobId, body.inputSchema);
    const { runId } = jobs.runNow(jobId, input, { scheduledAt: Date.parse(at), dryRun: true });
    return waitForRun(jobs, runId);
  };
  try {
    return await fn(run, herald);
  } finally {
    await herald.close();
  }
}
