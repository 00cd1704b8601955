import os from 'node:os';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { replayCampaign } from '../../main/campaigns/index.js';
import { generate } from '../lib/campaign-rows.js';

/**
 * Campaign engine speed: generated contracts through Beijing and Shanghai campaigns of both
 * pipelines, one cumulative run each (the card's whole month), computed in a worker thread as the
 * runner does. Reports time, contracts/s, the worker's peak RSS and the main thread's longest
 * event-loop block while the worker computes (target < 20 ms).
 */

const CASES = [
  { variant: 'BJ-2025-06', rows: 100_000 },
  { variant: 'BJ-2025-10', rows: 100_000 },
  { variant: 'SH-2025-09', rows: 100_000 },
  { variant: 'SH-2025-10', rows: 100_000 },
  { variant: 'BJ-2025-09', rows: 1_052 },
  { variant: 'BJ-2025-10', rows: 1_052 },
  { variant: 'SH-2025-09', rows: 1_052 },
  { variant: 'SH-2025-09@new', rows: 1_052 },
];

interface Figures {
  variant: string;
  pipeline: string;
  contracts: number;
  records: number;
  messages: number;
  ms: number;
  contractsPerSecond: number;
  workerPeakRssMb: number;
}

function compute(variant: string, count: number): Figures {
  const rows = generate(count, variant.startsWith('BJ') ? 'BJ' : 'SH');
  const started = performance.now();
  const result = replayCampaign({ variant, batches: [rows], month: '2025-09', scheduledAt: new Date('2025-09-30T12:00:00Z') });
  const ms = performance.now() - started;
  const batch = result.batches[0]!;
  return {
    variant,
    pipeline: result.pipeline,
    contracts: count,
    records: batch.records.length,
    messages: batch.messages.length,
    ms: Math.round(ms),
    contractsPerSecond: Math.round((count / ms) * 1000),
    workerPeakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

/** A worker with the engine loaded (as the runner keeps one warm); resolves once it is ready. */
function startWorker(): Promise<Worker> {
  return new Promise((resolve, reject) => {
    // The worker loads this TypeScript file through tsx's loader, registered inside the worker.
    const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`;
    const worker = new Worker(boot, { eval: true, workerData: { role: 'engine' } });
    worker.once('message', () => resolve(worker));
    worker.once('error', reject);
  });
}

function computeIn(worker: Worker, variant: string, rows: number): Promise<Figures> {
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.postMessage({ variant, rows });
  });
}

/** The main thread's longest event-loop block while idle: the machine's own scheduling noise. */
async function idleBaselineMs(ms: number): Promise<number> {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  await new Promise((r) => setTimeout(r, ms));
  delay.disable();
  return Math.round((delay.max / 1e6) * 10) / 10;
}

export async function run(): Promise<Record<string, unknown>> {
  const idleMainThreadMaxBlockMs = await idleBaselineMs(3000);
  const results: Array<Figures & { mainThreadMaxBlockMs: number; mainThreadP99BlockMs: number }> = [];
  for (const c of CASES) {
    const worker = await startWorker();
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    const figures = await computeIn(worker, c.variant, c.rows);
    delay.disable();
    await worker.terminate();
    const ms = (ns: number) => Math.round((ns / 1e6) * 10) / 10;
    results.push({ ...figures, mainThreadMaxBlockMs: ms(delay.max), mainThreadP99BlockMs: ms(delay.percentile(99)) });
  }
  return { cores: os.cpus().length, loadAverage: os.loadavg(), node: process.version, targetMainThreadBlockMs: 20, idleMainThreadMaxBlockMs, results };
}

if (!isMainThread && parentPort && (workerData as { role?: string }).role === 'engine') {
  const port = parentPort;
  port.on('message', ({ variant, rows }: { variant: string; rows: number }) => port.postMessage(compute(variant, rows)));
  // Warm up: load and compile the engine before the measured run.
  compute('BJ-2025-10', 50);
  port.postMessage('ready');
} else if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  run().then((figures) => console.log(JSON.stringify(figures, null, 2)));
}
