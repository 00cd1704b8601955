import { campaignJobImplementation } from '../../main/campaigns/job.js';
import { campaignJob } from '../../main/jobs/define.js';
import type { JobDefinition } from '../../main/jobs/types.js';

/** A catalogue with a campaign job whose variant Herald does not know (workers import this module). */
export const catalogue: JobDefinition[] = [campaignJob('BJ-2030-01', campaignJobImplementation('BJ-2030-01'))];
export const CAMPAIGN_CATALOGUE_MODULE = new URL('./campaign-catalogue.ts', import.meta.url).href;
