import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../main/db/open.js';
import { migrate } from '../../main/db/migrate.js';
import { systemClock } from '../../main/shared/clock.js';
import { ShadowConfigSchema } from '../../main/shadow/config.js';
import { diffRules, diffSides, type DiffSide } from '../../main/shadow/diff/index.js';
import { ensureShadowJob, getModeForRun, rollback, setMode, updateShadowSettings } from '../../main/shadow/modes.js';
import { executeRun } from '../../main/shadow/run-shadow.js';
import { workerSideRunner } from '../../main/shadow/sides/worker.js';
import { monthOfContracts, testOutbox } from '../../test/helpers/shadow-pipelines.js';

/**
 * Shadow diff cost on 100,000 record pairs (v1-like records: 30 fields, numbers as numbers on one
 * side and numeric strings on the other, 1 % of records with a real difference) and 20,000
 * message pairs; and the overhead of a shadow run over a control-only run with the reference
 * worker-thread side runner and the test campaign pipelines (the engine's pipelines and the
 * runner's worker pool replace them after integration).
 */
function sides(records: number, messages: number): { control: DiffSide; candidate: DiffSide } {
  const control: DiffSide = { records: [], messages: [] };
  const candidate: DiffSide = { records: [], messages: [] };
  for (let i = 0; i < records; i++) {
    const fields: Record<string, unknown> = { '合同ID(_id)': `C${i}`, '管家(serviceHousekeeper)': `管家${i % 500}`, 登记时间: '2025-09-01 10:00:00' };
    const other: Record<string, unknown> = { ...fields, 登记时间: '2025-09-01 10:00:05' };
    for (let f = 0; f < 27; f++) {
      const v = (i * 31 + f * 7) % 100_000;
      fields[`字段${f}`] = f % 3 === 0 ? `文本${v}` : v;
      other[`字段${f}`] = f % 3 === 0 ? `文本${v}` : f % 3 === 1 ? String(v) : v + (i % 100 === 0 && f === 2 ? 1 : 0);
    }
    control.records.push({ key: `C${i}`, fields });
    candidate.records.push({ key: `C${i}`, fields: other });
  }
  for (let i = 0; i < messages; i++) {
    const text = `🧨🧨🧨 签约喜报 🧨🧨🧨\n恭喜 管家${i % 500} 签约合同 C${i}\n\n🌻 本单为活动期间平台累计签约第 ${i + 1} 单。\n`;
    control.messages.push({ recipient: 'group', text });
    candidate.messages.push({ recipient: 'group', text: i % 200 === 0 ? `${text}\n` : text });
  }
  return { control, candidate };
}

const APP = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test/fixtures-app');

/** Wall time and the main process's peak RSS growth of one run of the job in its current mode. */
async function timedRun(dir: string, contracts: number, mode: 'control' | 'shadow') {
  const runDir = fs.mkdtempSync(path.join(dir, `${mode}-`));
  const liveFile = path.join(runDir, 'herald.sqlite');
  const db = openDatabase(liveFile);
  migrate(db);
  testOutbox(db);
  const job = 'worker-job';
  ensureShadowJob(db, systemClock, { jobId: job, defaultPipeline: 'ledger' });
  updateShadowSettings(db, systemClock, job, { config: ShadowConfigSchema.parse({ sideTimeoutMs: 3_600_000 }) });
  setMode(db, systemClock, { jobId: job, mode: 'shadow', candidatePipeline: 'db', reason: 'bench', actor: 'api' });
  if (mode === 'control') rollback(db, systemClock, job, 'bench', 'api');
  const sides = workerSideRunner({ pipelinesModule: path.join(APP, 'worker-pipelines.ts'), liveFile, enqueueModule: path.join(APP, 'worker-enqueue.ts') });
  const ctx = { db, clock: systemClock, sandboxDir: path.join(runDir, 'sandbox'), sides };
  const input = { campaign: 'BENCH', contracts: monthOfContracts(Math.ceil(contracts / 10), 10).slice(0, contracts) };
  const started = performance.now();
  const result = await executeRun(ctx, getModeForRun(db, systemClock, job), { jobId: job, runId: 1, input, scheduledAt: new Date(), settings: {} });
  const liveMs = performance.now() - started;
  const stored = await result.comparison;
  const totalMs = performance.now() - started;
  db.close();
  return { liveMs: Math.round(liveMs), totalMs: Math.round(totalMs), consistent: stored?.consistent ?? null, candidatePeakMB: stored?.candidate?.peakMemoryBytes ? Math.round(stored.candidate.peakMemoryBytes / 1048576) : null, controlPeakMB: stored?.control?.peakMemoryBytes ? Math.round(stored.control.peakMemoryBytes / 1048576) : null };
}

async function overhead(contracts: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-bench-shadow-'));
  try {
    const control = await timedRun(dir, contracts, 'control');
    const shadow = await timedRun(dir, contracts, 'shadow');
    return { contracts, controlOnlyMs: control.totalMs, shadowLiveMs: shadow.liveMs, shadowTotalMs: shadow.totalMs, wallRatio: Math.round((shadow.totalMs / control.totalMs) * 100) / 100, consistent: shadow.consistent, controlPeakMB: shadow.controlPeakMB, candidatePeakMB: shadow.candidatePeakMB };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<Record<string, unknown>> {
  return { cores: os.availableParallelism(), diff: diffCost(), overhead: [await overhead(1052), await overhead(100_000)] };
}

function diffCost(): Record<string, unknown> {
  const { control, candidate } = sides(100_000, 20_000);
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const rssBefore = process.resourceUsage().maxRSS * 1024;
  const started = performance.now();
  const diff = diffSides(control, candidate, diffRules());
  const ms = performance.now() - started;
  const heapAfter = process.memoryUsage().heapUsed;
  return {
    recordPairs: diff.records.total,
    messagePairs: diff.messages.total,
    differentRecords: diff.records.different,
    differentMessages: diff.messages.different,
    diffMs: Math.round(ms),
    recordPairsPerSecond: Math.round(diff.records.total / (ms / 1000)),
    heapGrowthMB: Math.round(((heapAfter - heapBefore) / 1024 / 1024) * 10) / 10,
    peakRssGrowthMB: Math.round(((process.resourceUsage().maxRSS * 1024 - rssBefore) / 1024 / 1024) * 10) / 10,
  };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  console.log(JSON.stringify(await run(), null, 2));
}
