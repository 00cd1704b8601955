import type { PipelineJob, PipelineSpec } from '../jobs/types.js';
import { getCampaign } from './configs/index.js';
import type { ContractRow } from './input/contract-row.js';
import { contractRowsSchema } from './input/contract-row.js';
import { rowsFromCard } from './input/files.js';
import type { PipelineOptions } from './pipelines/index.js';
import { campaignFor, createPipeline } from './pipelines/index.js';

/**
 * The pipeline body of a campaign job: fetch the variant's card (the job's `settings.cardId` may
 * override it), read the rows as that campaign's v1 job did, and run the variant's pipeline —
 * September offers both pipelines for shadow mode.
 */
export function campaignPipelineJob(variantId: string, options: PipelineOptions = {}): PipelineJob<ContractRow[]> {
  const campaign = getCampaign(variantId);
  const pipelines: Record<string, PipelineSpec<ContractRow[]>> = {};
  for (const id of ['v1-ledger', 'v1-db'] as const) {
    try {
      campaignFor(variantId, id);
    } catch {
      continue;
    }
    pipelines[id] = createPipeline(variantId, id, options);
  }
  return {
    kind: 'pipeline',
    inputSchema: contractRowsSchema,
    fetchInput: async (ctx) => {
      const cardId = typeof ctx.settings['cardId'] === 'number' ? ctx.settings['cardId'] : campaign.variant.cardId;
      return rowsFromCard(await ctx.metabase.queryCard(cardId, { signal: ctx.signal }), campaign);
    },
    pipelines,
    defaultPipeline: campaign.variant.pipeline,
  };
}
