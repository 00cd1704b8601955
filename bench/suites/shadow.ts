import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { diffRules, diffSides, type DiffSide } from '../../main/shadow/diff/index.js';
import type { ShadowMode } from '../../main/shadow/config.js';
import { generateContracts } from '../lib/campaign-cards.js';
import { blockMeter } from '../lib/block-meter.js';
// Types only: at run time the suite loads the compiled build, as users run Herald.
import type * as HeraldTypes from '../../main/core/herald.js';
import type * as ServiceTypes from '../../main/jobs/service.js';
import type * as CatalogueTypes from '../../main/jobs/catalogue.js';
import type * as ModesTypes from '../../main/shadow/modes.js';
import type * as ConfigTypes from '../../main/shadow/config.js';
import type * as RunStoreTypes from '../../main/shadow/run-store.js';

/**
 * Shadow mode's cost, measured in one run:
 *
 * - the diff on 100,000 record pairs (v1-like records: 30 fields, numbers as numbers on one side
 *   and numeric strings on the other, 1 % of records with a real difference) and 20,000 messages;
 * - the overhead of a shadow run over a control-only run **through the job runner**, as users run
 *   it: the compiled build (out/main), Shanghai September (control `v1-ledger`, candidate
 *   `v1-db`) on a generated 1,052-row month and on 100,000 contracts, each side in its own worker
 *   thread. Every run starts from a fresh data folder (the pipelines are cumulative: a second run
 *   of the same input records nothing new). Figures: wall time from "run now" until the job is
 *   free again (shadow: the comparison stored), the run's own duration (what the control's users
 *   wait for), each side's peak memory (its worker's own), the main thread's longest block.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = path.join(root, 'out', 'main');
const ENQUEUE = pathToFileURL(path.join(root, 'test', 'fixtures-app', 'jobs', 'enqueue.mjs')).href;
const JOB = 'campaign-sh-2025-09';
const REPEATS = Number(process.env.SHADOW_BENCH_REPEATS ?? 3);

type HeraldModule = typeof HeraldTypes;
type ServiceModule = typeof ServiceTypes;
type CatalogueModule = typeof CatalogueTypes;
type ModesModule = typeof ModesTypes;
type ConfigModule = typeof ConfigTypes;
type RunStoreModule = typeof RunStoreTypes;

interface Compiled {
  herald: HeraldModule;
  service: ServiceModule;
  catalogue: CatalogueModule;
  modes: ModesModule;
  config: ConfigModule;
  runStore: RunStoreModule;
}

async function compiled(): Promise<Compiled> {
  const load = <T>(rel: string) => import(pathToFileURL(path.join(OUT, rel)).href) as Promise<T>;
  if (!fs.existsSync(path.join(OUT, 'core', 'herald.js'))) throw new Error(`${OUT} is missing: run npm run build`);
  return {
    herald: await load<HeraldModule>('core/herald.js'),
    service: await load<ServiceModule>('jobs/service.js'),
    catalogue: await load<CatalogueModule>('jobs/catalogue.js'),
    modes: await load<ModesModule>('shadow/modes.js'),
    config: await load<ConfigModule>('shadow/config.js'),
    runStore: await load<RunStoreModule>('shadow/run-store.js'),
  };
}

const mb = (bytes: number | null | undefined) => (bytes ? Math.round(bytes / 1048576) : null);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

interface RunFigures {
  mode: ShadowMode;
  wallMs: number;
  runMs: number;
  mainThreadMaxBlockMs: number;
  livePeakMB: number | null;
  otherPeakMB: number | null;
  /** Shadow: each side's pipeline inside its worker (no worker start-up), and from the run's start until the comparison was stored. */
  livePipelineMs: number | null;
  otherPipelineMs: number | null;
  comparisonStoredMs: number | null;
  consistent: boolean | null;
}

/** One run of the job in `mode` on a fresh data folder. */
async function timedRun(m: Compiled, rows: unknown, mode: ShadowMode): Promise<RunFigures> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-bench-shadow-'));
  const jobs = m.catalogue.catalogue.filter((j) => j.id === JOB);
  const herald = m.herald.Herald.open({
    dataDir,
    mode: 'headless',
    logToConsole: false,
    jobs: { catalogue: { jobs, module: m.catalogue.defaultCatalogue.module }, enqueueModule: ENQUEUE, waker: { at: () => () => undefined, every: () => () => undefined } },
  });
  try {
    await herald.start();
    const { db, clock } = herald;
    m.modes.updateShadowSettings(db, clock, JOB, { config: m.config.ShadowConfigSchema.parse({ sideTimeoutMs: 3_600_000, verifyAfterPromotion: false }) });
    if (mode !== 'control') m.modes.setMode(db, clock, { jobId: JOB, mode, candidatePipeline: 'v1-db', reason: 'bench', actor: 'api' });
    const service = m.service.jobsFor(herald);
    const blocks = blockMeter(5);
    const started = performance.now();
    const { runId } = service.runNow(JOB, rows);
    for (;;) {
      const run = service.runs.get(runId);
      if (run && run.finished_at !== null && !service.runner.running(JOB)) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    const wallMs = performance.now() - started;
    const mainThreadMaxBlockMs = Math.round(blocks.stop());
    const run = service.runs.get(runId)!;
    if (run.status !== 'succeeded') throw new Error(`the ${mode} run ended ${run.status}: ${run.error_message}`);
    const shadow = m.runStore.listShadowRuns(db, JOB, { limit: 1, offset: 0 }).runs[0];
    const live = shadow?.liveSide === 'candidate' ? shadow.candidate : shadow?.control;
    const other = shadow?.liveSide === 'candidate' ? shadow.control : shadow?.candidate;
    return {
      mode,
      wallMs: Math.round(wallMs),
      runMs: run.duration_ms ?? 0,
      mainThreadMaxBlockMs,
      livePeakMB: mb(live?.peakMemoryBytes ?? run.peak_heap_bytes),
      otherPeakMB: mb(other?.peakMemoryBytes),
      livePipelineMs: live ? Math.round(live.durationMs) : null,
      otherPipelineMs: other ? Math.round(other.durationMs) : null,
      comparisonStoredMs: shadow ? Date.parse(shadow.finishedAt) - Date.parse(shadow.startedAt) : null,
      consistent: shadow?.consistent ?? null,
    };
  } finally {
    await herald.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function overhead(m: Compiled, contracts: number) {
  const rows = generateContracts(contracts, 'SH');
  const runs: RunFigures[] = [];
  // Alternating, so drift in the machine's load touches every mode alike.
  for (let i = 0; i < REPEATS; i++) for (const mode of ['control', 'shadow', 'candidate'] as const) runs.push(await timedRun(m, rows, mode));
  const of = (mode: ShadowMode) => runs.filter((r) => r.mode === mode);
  const med = (mode: ShadowMode, key: 'wallMs' | 'runMs' | 'mainThreadMaxBlockMs') => median(of(mode).map((r) => r[key]));
  const controlWall = med('control', 'wallMs');
  const candidateWall = med('candidate', 'wallMs');
  const shadowWall = med('shadow', 'wallMs');
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  return {
    contracts,
    medianOf: REPEATS,
    controlOnlyWallMs: controlWall,
    candidateOnlyWallMs: candidateWall,
    shadowWallMs: shadowWall,
    /** The target: ≤ 1.1 on 2+ cores. */
    shadowOverControlWall: ratio(shadowWall, controlWall),
    /** Shadow against the slower of its two pipelines run alone: what running them side by side costs. */
    shadowOverSlowerSideWall: ratio(shadowWall, Math.max(controlWall, candidateWall)),
    /** The control run's own duration in shadow mode against control-only (the run the office waits for). */
    liveRunRatio: ratio(med('shadow', 'runMs'), med('control', 'runMs')),
    controlOnlyRunMs: med('control', 'runMs'),
    shadowRunMs: med('shadow', 'runMs'),
    controlOnlyMainThreadMaxBlockMs: med('control', 'mainThreadMaxBlockMs'),
    shadowMainThreadMaxBlockMs: med('shadow', 'mainThreadMaxBlockMs'),
    peakMemoryMB: {
      controlOnly: median(of('control').map((r) => r.livePeakMB ?? 0)),
      shadowControlSide: median(of('shadow').map((r) => r.livePeakMB ?? 0)),
      shadowCandidateSide: median(of('shadow').map((r) => r.otherPeakMB ?? 0)),
      candidateOnly: median(of('candidate').map((r) => r.livePeakMB ?? 0)),
    },
    /** Where a shadow run's wall time goes: the sides' own pipeline time; the rest is worker start-up, sandbox set-up, packing, the diff and storing it. */
    shadowSidesPipelineMs: { live: median(of('shadow').map((r) => r.livePipelineMs ?? 0)), other: median(of('shadow').map((r) => r.otherPipelineMs ?? 0)) },
    consistent: of('shadow').map((r) => r.consistent),
    runs,
  };
}

function diffFixture(records: number, messages: number): { control: DiffSide; candidate: DiffSide } {
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

function diffCost(): Record<string, unknown> {
  const { control, candidate } = diffFixture(100_000, 20_000);
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const diff = diffSides(control, candidate, diffRules());
  const ms = performance.now() - started;
  return {
    recordPairs: diff.records.total,
    messagePairs: diff.messages.total,
    differentRecords: diff.records.different,
    differentMessages: diff.messages.different,
    diffMs: Math.round(ms),
    recordPairsPerSecond: Math.round(diff.records.total / (ms / 1000)),
    heapGrowthMB: Math.round(((process.memoryUsage().heapUsed - heapBefore) / 1048576) * 10) / 10,
  };
}

/**
 * What this machine gives two threads at once: the same CPU-bound loop in one worker, then in two
 * side by side. 1.0 = two full cores; on shared or hyper-threaded cores it is more, and no shadow
 * run can do better than that.
 */
async function parallelCapacity(): Promise<Record<string, number>> {
  const code = `let x = 0; for (let i = 0; i < 2e8; i++) x += i % 7; require('node:worker_threads').parentPort.postMessage(x);`;
  const once = () => new Promise<void>((resolve, reject) => new Worker(code, { eval: true }).once('message', () => resolve()).once('error', reject));
  const time = async (workers: number) => {
    const started = performance.now();
    await Promise.all(Array.from({ length: workers }, once));
    return performance.now() - started;
  };
  await time(1);
  const oneMs = await time(1);
  const twoMs = await time(2);
  return { oneWorkerMs: Math.round(oneMs), twoWorkersMs: Math.round(twoMs), twoOverOne: Math.round((twoMs / oneMs) * 100) / 100 };
}

export async function run(): Promise<Record<string, unknown>> {
  const m = await compiled();
  const machine = { cores: os.availableParallelism(), loadAverageBefore: os.loadavg(), parallelCapacity: await parallelCapacity() };
  const figures = { diff: diffCost(), overhead: [await overhead(m, 1052), ...(process.env.SHADOW_BENCH_SMALL ? [] : [await overhead(m, 100_000)])] };
  return { ...machine, loadAverageAfter: os.loadavg(), target: 'shadowOverControlWall ≤ 1.1 on 2+ cores', ...figures };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  console.log(JSON.stringify(await run(), null, 2));
}
