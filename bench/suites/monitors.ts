/**
 * Monitors bench: each job's transform on 50,000 generated card rows — the pure transform alone
 * and the whole `herald` pipeline (state tables in a SQLite file, one transaction) — with time and
 * peak memory; and one job the whole way a scheduled run goes (`wholeJob`): the card fetched from
 * the fake Metabase over HTTP, the snapshot stored, the pipeline in the runner's worker thread, its
 * messages enqueued in the outbox in the run's transaction. Each measurement runs in its own child
 * process so its peak RSS is its own.
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

/** The job measured through the runner: one outbox message per row, the heaviest enqueue. */
const WHOLE_JOB = 'smartsheet-payment-records';

interface WholeJobFigures {
  job: string;
  rows: number;
  /** From the run's submission to its end (fetch over HTTP, snapshot, worker, pipeline, enqueue, commit). */
  wallMs: number;
  /** The run as the runner recorded it (from its start). */
  runMs: number;
  messagesEnqueued: number;
  runPeakRssMB: number;
  processPeakRssMB: number;
}

interface Figures {
  rows: number;
  transformMs: number;
  pipelineMs: number;
  messages: number;
  peakRssMB: number;
}

function inChild<T>(env: Record<string, string>, what: string): T {
  const child = spawnSync(process.execPath, ['--import', 'tsx', SELF], { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.status !== 0) throw new Error(`bench of ${what} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as T;
}

export async function run(): Promise<Record<string, unknown>> {
  const results: Record<string, unknown> = { rows: ROWS };
  for (const job of JOBS) results[job] = inChild<Figures>({ MONITORS_BENCH_JOB: job }, job);
  results.wholeJob = inChild<WholeJobFigures>({ MONITORS_BENCH_WHOLE: WHOLE_JOB }, `${WHOLE_JOB} through the runner`);
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

async function benchWholeJob(jobId: string): Promise<WholeJobFigures> {
  const { Herald } = await import('../../main/core/herald.js');
  const { jobsFor } = await import('../../main/jobs/service.js');
  const { startFakeMetabase } = await import('../../main/demo/fake-metabase.js');
  const { writeMetabaseSettings } = await import('../../main/sources/config.js');
  const { setSendingEnabled } = await import('../../main/outbox/control.js');
  const { MONITOR_JOBS } = await import('../../main/monitors/definitions.js');
  const { generateCard } = await import('../lib/monitors-data.js');
  const { card, at } = generateCard(jobId, ROWS);
  const metabase = await startFakeMetabase({ cards: { [MONITOR_JOBS[jobId]!.cardId]: card } });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-bench-monitors-whole-'));
  const idle = { at: () => () => {}, every: () => () => {} };
  const herald = Herald.open({ dataDir: dir, mode: 'cli', logToConsole: false, jobs: { waker: idle } });
  writeMetabaseSettings(herald.db, herald.secrets, { url: metabase.url, username: metabase.username, password: metabase.password });
  // Delivery is the outbox bench's subject: here the messages stay queued.
  setSendingEnabled(herald.db, false);
  await herald.start();
  try {
    const jobs = jobsFor(herald);
    const started = performance.now();
    const { runId } = jobs.runner.submit({ jobId, kind: 'manual', scheduledAt: Date.parse(at) });
    for (;;) {
      const row = jobs.runs.get(runId);
      if (row && !['queued', 'running'].includes(row.status) && jobs.runner.running(jobId)?.runId !== runId) {
        if (row.status !== 'succeeded') throw new Error(`run ${row.status}: ${row.error_message}`);
        return {
          job: jobId,
          rows: card.rows.length,
          wallMs: Math.round(performance.now() - started),
          runMs: row.duration_ms ?? 0,
          messagesEnqueued: row.messages_new ?? 0,
          runPeakRssMB: Math.round((row.peak_rss_bytes ?? 0) / 1024 / 1024),
          processPeakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
        };
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await herald.close();
    await metabase.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function report<T>(figures: Promise<T>): void {
  figures.then(
    (f) => process.stdout.write(`${JSON.stringify(f)}\n`),
    (err: unknown) => {
      process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
      process.exit(1);
    },
  );
}

if (process.env.MONITORS_BENCH_JOB) report(benchOne(process.env.MONITORS_BENCH_JOB));
else if (process.env.MONITORS_BENCH_WHOLE) report(benchWholeJob(process.env.MONITORS_BENCH_WHOLE));
else if (process.argv[1] === SELF) {
  run().then((r) => process.stdout.write(`${JSON.stringify(r, null, 2)}\n`));
}
