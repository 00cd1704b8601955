import { z } from 'zod';
import { campaignPipelineJob } from '../../../main/campaigns/index.js';
import { FREQUENT, HEARTBEAT, campaignJob, defineJob } from '../../../main/jobs/define.js';
import type { JobDefinition } from '../../../main/jobs/types.js';
import { MONITOR_JOBS } from '../../../main/monitors/definitions.js';
import { catalogue as production } from '../../../main/jobs/catalogue.js';

// No vitest imports here: pipeline workers import this module to find the job bodies.

/**
 * The production job ids with the real campaign and monitor bodies, for CLI tests (the default
 * catalogue gets them as the capabilities are wired in): campaign jobs per variant, the two Beijing
 * broadcasts, every monitoring job.
 */
const campaignSettings = z.looseObject({});

const CAMPAIGN_VARIANTS = ['BJ-2025-06', 'BJ-2025-10', 'SH-2025-04', 'SH-2025-05', 'SH-2025-09', 'SH-2025-10'];

export const catalogue: JobDefinition[] = [
  ...CAMPAIGN_VARIANTS.map((v) => campaignJob(v, { body: campaignPipelineJob(v), settingsSchema: campaignSettings })),
  defineJob('bj-sign-broadcast', { 'zh-CN': '北京签约喜报播报', en: 'Beijing sign broadcast' }, [HEARTBEAT], FREQUENT, {
    body: campaignPipelineJob('BJ-SIGN-BROADCAST'),
    settingsSchema: campaignSettings,
  }),
  defineJob('bj-performance-broadcast', { 'zh-CN': '北京业绩播报', en: 'Beijing performance broadcast' }, [HEARTBEAT], FREQUENT, {
    body: campaignPipelineJob('BJ-PERFORMANCE-BROADCAST'),
    settingsSchema: campaignSettings,
  }),
  ...Object.values(MONITOR_JOBS).map((m) => defineJob(m.id, production.find((j) => j.id === m.id)!.title, [HEARTBEAT], FREQUENT, { body: m.body, settingsSchema: m.settingsSchema })),
];

export const CATALOGUE_MODULE = new URL('./catalogue.ts', import.meta.url).href;
