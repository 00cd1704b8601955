import type { PipelineSpec } from '../../main/jobs/types.js';
import { campaignPipeline, type CampaignInput } from '../helpers/shadow-pipelines.js';

/** Pipelines the worker-thread side runner loads by module path in its tests. */
const ledger = campaignPipeline('ledger', { table: 'ledger_announced' });
const db = campaignPipeline('db', { table: 'db_announced' });

const spins: PipelineSpec<CampaignInput> = {
  id: 'spins',
  description: 'never returns',
  run() {
    for (;;) {
      // a synchronous pipeline stuck in a loop: only terminating its worker stops it
    }
  },
};

const hog: PipelineSpec<CampaignInput> = {
  id: 'hog',
  description: 'the db pipeline, holding about 100 MB while it runs',
  run(store, input, ctx) {
    const ballast = Array.from({ length: 100 }, () => new Array<number>(131_072).fill(Math.random()));
    const out = db.run(store, input, ctx);
    out.counts.ballast = ballast.length;
    return out;
  },
};

export function pipelinesFor(jobId: string): Record<string, PipelineSpec<unknown>> | undefined {
  return jobId === 'worker-job' ? ({ ledger, db, spins, hog } as Record<string, PipelineSpec<unknown>>) : undefined;
}
