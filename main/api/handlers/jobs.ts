import type { Herald } from '../../core/herald.js';
import type { HandlersOf } from '../dispatcher.js';
import type { jobsMethods } from '../contract/jobs.js';
import { jobsFor } from '../../jobs/service.js';

export function jobsHandlers(herald: Herald): HandlersOf<typeof jobsMethods> {
  const jobs = () => jobsFor(herald);
  return {
    'jobs.list': () => jobs().list(),
    'jobs.get': ({ jobId }) => jobs().get(jobId),
    'jobs.update': ({ jobId, ...patch }) => jobs().update(jobId, patch),
    'jobs.runNow': ({ jobId, input, scheduledAt, dryRun }) =>
      jobs().runNow(jobId, input, { ...(scheduledAt ? { scheduledAt: Date.parse(scheduledAt) } : {}), ...(dryRun ? { dryRun } : {}) }),
    'jobs.pause': ({ jobId }) => jobs().pause(jobId, true),
    'jobs.resume': ({ jobId }) => jobs().pause(jobId, false),
    'jobs.pauseAll': () => jobs().pauseAll(true),
    'jobs.resumeAll': () => jobs().pauseAll(false),
    'jobs.fireEvent': ({ name, payload }) => ({ runs: jobs().fireEvent(name, payload) }),
    'runs.list': (filter) => jobs().listRuns(filter),
    'runs.get': ({ runId }) => jobs().getRun(runId),
    'runs.rerun': ({ runId }) => jobs().rerun(runId),
    'runs.cancel': ({ runId }) => jobs().cancel(runId),
  };
}
