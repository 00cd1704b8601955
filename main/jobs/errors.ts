import type { JobDefinition } from './types.js';
import { HeraldError } from '../shared/errors.js';

/** A run of a job whose body is an `UnavailableJob`. */
export function notBuiltError(job: JobDefinition): HeraldError {
  const reason = job.body.kind === 'unavailable' ? job.body.reason : 'it has no pipeline';
  return new HeraldError('JOB_NOT_BUILT', `The job "${job.title.en}" is not built yet: ${reason}`, { jobId: job.id });
}
