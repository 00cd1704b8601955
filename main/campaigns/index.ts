/**
 * The campaign engine's public API (see README.md): variants and their configurations, the two
 * pipelines as `PipelineSpec`s, input rows from cards and files, replay, and ledger export.
 */
export { activityCodeFor, getCampaign, listVariants, resolveCampaign, rewardConfig } from './configs/index.js';
export type { Campaign, RewardConfig, Variant } from './configs/index.js';
export type { PipelineId } from './configs/schema.js';
export { campaignFor, createPipeline } from './pipelines/index.js';
export type { PipelineOptions } from './pipelines/index.js';
export { QUIRK_FIXES, quirkFixNames } from './pipelines/fixes.js';
export type { QuirkFix } from './pipelines/fixes.js';
export { ANNOUNCEMENT, AWARD } from './pipelines/common.js';
export { contractRowsSchema } from './input/contract-row.js';
export type { ContractRow } from './input/contract-row.js';
export { readContractFile, rowsFromCard } from './input/files.js';
export { rowsFromCsv } from './input/csv-rows.js';
export { rowsFromJson } from './input/json-rows.js';
export { openReplay, replayCampaign } from './replay.js';
export { replayBatchJson, replayJsonHead, replayJsonTail } from './replay-json.js';
export type { ReplayBatch, ReplayMessage, ReplayOptions, ReplayResult, ReplaySession } from './replay.js';
export { ledgerCsv, ledgerExport } from './export.js';
export type { LedgerExport } from './export.js';
export { campaignJobId, campaignJobImplementation, campaignPipelineJob } from './job.js';
