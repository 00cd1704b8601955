import { z } from 'zod';
import type { JobDefinition, PipelineJob, PipelineSpec } from '../../../main/jobs/types.js';
import { catalogue as production } from '../../../main/jobs/catalogue.js';
import { campaignPipeline, type CampaignInput } from '../shadow-pipelines.js';

/**
 * Jobs for shadow tests through the runner. Workers import this module (no vitest here) to find
 * the pipelines they run: the production September campaign jobs, and small test jobs whose
 * pipelines behave — agree, differ, throw, spin, hog memory — as each test needs.
 */
export const SHADOW_JOB = 'shadow-test';
export const MONTH_JOB = 'shadow-month';
export const SEPTEMBER_JOBS = ['campaign-sh-2025-09', 'campaign-bj-2025-09'] as const;

const CampaignInputSchema: z.ZodType<CampaignInput> = z.object({
  campaign: z.string(),
  contracts: z.array(z.object({ id: z.string(), housekeeper: z.string(), amount: z.number(), signedAt: z.string() })),
});

const spins: PipelineSpec<CampaignInput> = {
  id: 'spins',
  description: 'never returns',
  run() {
    for (;;) {
      // a synchronous pipeline stuck in a loop: only terminating its worker stops it
    }
  },
};

function sleepSync(ms: number): void {
  if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** The ledger pipeline, holding its transaction open for the job setting `holdMs` (a slow run). */
const ledger = campaignPipeline('ledger', { table: 'ledger_announced' });
const slowLedger: PipelineSpec<CampaignInput> = {
  ...ledger,
  run(store, input, ctx) {
    const out = ledger.run(store, input, ctx);
    sleepSync(typeof ctx.settings['holdMs'] === 'number' ? ctx.settings['holdMs'] : 0);
    return out;
  },
};

const db = campaignPipeline('db', { table: 'db_announced' });
const hog: PipelineSpec<CampaignInput> = {
  id: 'hog',
  description: 'the db pipeline, holding about 100 MB while it runs',
  stateScope: db.stateScope!,
  run(store, input, ctx) {
    const ballast = Array.from({ length: 100 }, () => new Array<number>(131_072).fill(Math.random()));
    const out = db.run(store, input, ctx);
    out.counts.ballast = ballast.length;
    return out;
  },
};

function body(defaultPipeline: string, pipelines: Record<string, PipelineSpec<CampaignInput>>): PipelineJob<CampaignInput> {
  return {
    kind: 'pipeline',
    inputSchema: CampaignInputSchema,
    fetchInput: () => Promise.reject(new Error('shadow test jobs run on the input given with "run now"')),
    pipelines,
    defaultPipeline,
  };
}

const job = (id: string, jobBody: PipelineJob<CampaignInput>): JobDefinition => ({
  id,
  title: { 'zh-CN': `影子测试 ${id}`, en: `Shadow test ${id}` },
  triggers: [],
  options: { timeoutMs: 60_000, misfire: 'run-once', overlap: 'queue-one', maxCatchUp: 1 },
  settingsSchema: z.object({ skewContract: z.string().optional(), holdMs: z.number().int().min(0).optional() }),
  body: jobBody,
});

export const catalogue: JobDefinition[] = [
  job(
    SHADOW_JOB,
    body('ledger', {
      ledger: slowLedger,
      db,
      skewed: campaignPipeline('skewed', { table: 'db_announced', skew: (c) => (c.id === 'C0002' ? 100 : 0) }),
      throws: campaignPipeline('throws', { table: 'db_announced', throws: 'candidate exploded' }),
      spins,
      hog,
    }),
  ),
  // Shadowing v1: its control is an external command (configured in the shadow settings).
  job(MONTH_JOB, body('herald', { herald: campaignPipeline('herald', { table: 'herald_announced', skewSetting: 'skewContract' }) })),
  ...production.filter((j) => (SEPTEMBER_JOBS as readonly string[]).includes(j.id)),
];
