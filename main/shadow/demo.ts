import path from 'node:path';
import type { Herald } from '../core/herald.js';
import { resourcesDir } from '../core/app-info.js';
import { readContractFile } from '../campaigns/input/files.js';
import { jobsFor } from '../jobs/service.js';
import { getShadowJob, modeHistory, setMode } from './modes.js';

/**
 * The demo's shadow job: Shanghai September in shadow mode — control `v1-ledger` (the file-era
 * ledger), candidate `v1-db` (the database era) — run once for real on the bundled sample
 * contracts (`resources/demo/`), so the Shadow page shows a genuine comparison: the differences
 * spec §3.10 documents (活动编号, 计入业绩金额 capped at 40,000, 备注 of self-referrals …), with
 * identical announcement texts. Once per data folder: a folder whose job already has a migration
 * history is left as the office (or an earlier demo) left it.
 */
export const DEMO_JOB = 'campaign-sh-2025-09';
export const DEMO_CONTRACTS = path.join(resourcesDir, 'demo', 'sh-2025-09-contracts.json');

export function seedShadowDemo(herald: Herald): { runId: number } | null {
  const { db, clock } = herald;
  if (!getShadowJob(db, DEMO_JOB) || modeHistory(db, DEMO_JOB, 1).length) return null;
  setMode(db, clock, { jobId: DEMO_JOB, mode: 'shadow', candidatePipeline: 'v1-db', reason: '演示：上海九月活动影子运行（对照 v1-ledger，候选 v1-db）', actor: 'api' });
  const run = jobsFor(herald).runNow(DEMO_JOB, readContractFile(DEMO_CONTRACTS));
  herald.log.info('Demo shadow run started', { jobId: DEMO_JOB, runId: run.runId });
  return run;
}
