import type { JobDefinition, StateScope } from './types.js';
import type { JobCatalogueEntry } from '../shadow/wiring.js';
import { plannedOrderOfJob } from '../shadow/plan.js';

/**
 * The catalogue as shadow mode sees it: every job with pipelines, its pipeline ids, default
 * pipeline, planned migration order (seed 001) and, per pipeline, the rows it keeps its state in.
 */
export function shadowCatalogue(jobs: readonly JobDefinition[]): JobCatalogueEntry[] {
  return jobs.flatMap((job) => {
    if (job.body.kind !== 'pipeline') return [];
    const { pipelines, defaultPipeline } = job.body;
    const stateScopes: Record<string, readonly StateScope[]> = {};
    for (const [id, spec] of Object.entries(pipelines)) if (spec.stateScope) stateScopes[id] = spec.stateScope;
    const plannedOrder = plannedOrderOfJob(job.id);
    return [{ id: job.id, title: job.title, pipelines: Object.keys(pipelines), defaultPipeline, stateScopes, ...(plannedOrder !== undefined ? { plannedOrder } : {}) }];
  });
}
