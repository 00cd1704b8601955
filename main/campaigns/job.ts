import { z } from 'zod';
import type { PipelineJob, PipelineSpec } from '../jobs/types.js';
import type { JobImplementation } from '../jobs/define.js';
import type { Campaign } from './configs/index.js';
import { getCampaign } from './configs/index.js';
import type { ContractRow } from './input/contract-row.js';
import { contractRowsSchema } from './input/contract-row.js';
import { siblingModule } from '../jobs/config.js';
import { prepareCardInput } from '../jobs/prepare-input.js';
import { quirkFixesSchema } from './pipelines/fixes.js';
import type { PipelineOptions } from './pipelines/index.js';
import { campaignFor, createPipeline } from './pipelines/index.js';

const CARD_INPUT = siblingModule(import.meta.url, './input/card-input');

/**
 * The pipeline body of a campaign job: fetch the card Settings → Data sources names for the
 * variant (`ctx.metabase.cardId(variant)`, v1's cards by default), read the rows as that campaign's
 * v1 job did, and run the variant's pipeline — September offers both pipelines for shadow mode.
 * An unknown variant does not break the catalogue: its runs fail naming it.
 */
export function campaignPipelineJob(variantId: string, options: PipelineOptions = {}): PipelineJob<ContractRow[]> {
  let campaign: Campaign;
  try {
    campaign = getCampaign(variantId);
  } catch (err) {
    return {
      kind: 'pipeline',
      inputSchema: contractRowsSchema,
      fetchInput: () => Promise.reject(err),
      pipelines: {},
      defaultPipeline: 'v1-db',
    };
  }
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
    // The answer is parsed and read into rows in a worker thread: a month's card never blocks the main thread.
    fetchInput: (ctx) => {
      const cardId = ctx.metabase.cardId(variantId);
      const transform = { module: CARD_INPUT, name: 'campaignRowsFromCard', args: { variant: variantId, cardId } };
      return ctx.metabase.queryCardWith(cardId, (answer) => prepareCardInput(answer, transform), { signal: ctx.signal });
    },
    pipelines,
    defaultPipeline: campaign.variant.pipeline,
  };
}

/** A campaign job's settings: the v1 quirk fixes switched on (all off by default). */
export const campaignJobSettingsSchema = z.object({ fixes: quirkFixesSchema.default([]) }).strict();

/** What a catalogue line of a campaign job supplies (`campaignJob('BJ-2025-10', campaignJobImplementation('BJ-2025-10'))`). */
export function campaignJobImplementation(variantId: string): JobImplementation {
  return { body: campaignPipelineJob(variantId) as PipelineJob<unknown>, settingsSchema: campaignJobSettingsSchema };
}

/** The catalogue job that runs a variant: the two 2026 broadcasts by name, a month as `campaign-<variant>`. */
export function campaignJobId(variantId: string): string {
  const broadcasts: Record<string, string> = { 'BJ-SIGN-BROADCAST': 'bj-sign-broadcast', 'BJ-PERFORMANCE-BROADCAST': 'bj-performance-broadcast' };
  return broadcasts[variantId] ?? `campaign-${variantId.toLowerCase()}`;
}
