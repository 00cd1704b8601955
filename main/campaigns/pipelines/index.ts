import type { PipelineSpec } from '../../jobs/types.js';
import { HeraldError } from '../../shared/errors.js';
import type { Campaign } from '../configs/index.js';
import { getCampaign } from '../configs/index.js';
import type { PipelineId } from '../configs/schema.js';
import type { ContractRow } from '../input/contract-row.js';
import type { QuirkFix } from './fixes.js';
import { dbPipeline } from './v1-db.js';
import { ledgerPipeline } from './v1-ledger.js';
import { campaignStateScope } from './state-scope.js';

export interface PipelineOptions {
  /** Quirk fixes switched on for this pipeline (job settings may add more with `fixes`). */
  fixes?: readonly QuirkFix[];
}

/**
 * The pipelines a variant can run. A September variant and its `@new` twin share the activity
 * code, so `SH-2025-09` with `v1-db` is the same as `SH-2025-09@new` — the database pipeline as v1
 * validated it — which is what shadow mode compares against the ledger pipeline.
 */
export function campaignFor(variantId: string, pipelineId?: PipelineId): Campaign {
  const campaign = getCampaign(variantId);
  if (!pipelineId || pipelineId === campaign.variant.pipeline) return campaign;
  const twin = variantId.endsWith('@new') ? variantId.slice(0, -4) : `${variantId}@new`;
  let other: Campaign | undefined;
  try {
    other = getCampaign(twin);
  } catch {
    other = undefined;
  }
  if (other && other.variant.pipeline === pipelineId) return other;
  throw new HeraldError('CAMPAIGN_PIPELINE_UNAVAILABLE', `Campaign ${variantId} has no ${pipelineId} pipeline (it runs ${campaign.variant.pipeline}).`, {
    variant: variantId,
    pipeline: pipelineId,
  });
}

/** Builds the `PipelineSpec` a job runs for a variant (its own pipeline unless `pipelineId` says otherwise). */
export function createPipeline(variantId: string, pipelineId?: PipelineId, options: PipelineOptions = {}): PipelineSpec<ContractRow[]> {
  const campaign = campaignFor(variantId, pipelineId);
  const fixes = options.fixes ?? [];
  const spec = campaign.variant.pipeline === 'v1-ledger' ? ledgerPipeline(campaign, fixes) : dbPipeline(campaign, fixes);
  return { ...spec, stateScope: campaignStateScope(campaign) };
}
