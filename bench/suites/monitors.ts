/**
 * Monitors bench: each job's transform on 50,000 generated card rows — the pure transform alone
 * and the whole `herald` pipeline (state tables in a SQLite file, one transaction) — with time and
 * peak memory. Each job runs in its own child process so its peak RSS is its own.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROWS = 50_000;
const SELF = fileURLToPath(import.meta.url);
const JOBS = [
  'sla-daily-report',
  'pending-orders-reminder',
  'housekeeper-offline-broadcast',
  'smartsheet-project-settlement',
  'smartsheet-contract-completion',
  'smartsheet-payment-records',
  'smartsheet-crew-settlement-ledger',
  'smartsheet-material-replenishment',
  'technician-status',
  'contact-timeout-report',
];

interface Figures {
  rows: number;
  transformMs: number;
  pipelineMs: number;
  messages: number;
  peakRssMB: number;
}

export async function run(): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = { rows: ROWS };
  for (const job of JOBS) {
    const child = spawnSync(process.execPath, ['--import', 'tsx', SELF], {
      env: { ...process.env, MONITORS_BENCH_JOB: job },
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    if (child.status !== 0) throw new Error(`bench of ${job} failed: ${child.stderr}`);
    results[job] = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as Figures;
  }
  return results;
}

// ------------------------------------------------------------------ one job, in the child process

async function benchOne(jobId: string): Promise<Figures> {
  const { migrate } = await import('../../main/db/migrate.js');
  const { openDatabase, inTransaction } = await import('../../main/db/open.js');
  const { MONITOR_JOBS } = await import('../../main/monitors/definitions.js');
  const { generateCard, transformOnly } = await import('../lib/monitors-data.js');
  const job = MONITOR_JOBS[jobId];
  if (!job) throw new Error(`unknown job ${jobId}`);
  const { card, at } = generateCard(jobId, ROWS);

  let started = performance.now();
  transformOnly(jobId, card, at);
  const transformMs = performance.now() - started;

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-bench-monitors-'));
  const store = openDatabase(path.join(dir, 'bench.sqlite'));
  migrate(store);
  const silent = { error() {}, warn() {}, info() {}, debug() {}, child: () => silent };
  const ctx = { jobId, runId: 1, scheduledAt: new Date(at), settings: job.settingsSchema.parse({}), log: silent, progress() {}, warn() {} };
  started = performance.now();
  const result = inTransaction(store, () => job.run({ store, card, ctx, policy: 'warn-skip' }));
  const pipelineMs = performance.now() - started;
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return {
    rows: card.rows.length,
    transformMs: Math.round(transformMs),
    pipelineMs: Math.round(pipelineMs),
    messages: result.output.messages.length,
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

if (process.env.MONITORS_BENCH_JOB) {
  benchOne(process.env.MONITORS_BENCH_JOB).then(
    (figures) => process.stdout.write(`${JSON.stringify(figures)}\n`),
    (err: unknown) => {
      process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
      process.exit(1);
    },
  );
}

if (process.argv[1] === SELF && !process.env.MONITORS_BENCH_JOB) {
  run().then((r) => process.stdout.write(`${JSON.stringify(r, null, 2)}\n`));
}
