/**
 * Campaign jobs, the whole path: a fake Metabase (its own process, so its JSON work is not counted)
 * serves a generated card; Herald's real runner fetches it (main thread), stores the snapshot, runs
 * the pipeline in its worker thread and enqueues the messages in the same transaction. Sending is
 * stopped, so the outbox does not deliver during the measurement; a login before it stands for the
 * session Herald keeps for 14 days (one case gives the contracts with "run now" instead). Reports time, contracts/s, the
 * process's peak RSS and the longest main-thread event-loop block while the run goes (target < 20 ms);
 * then the Campaigns page's reads of the result through the API dispatcher, as the UI asks for them
 * (list, first ledger page, overview): each one's time and the main thread's longest block meanwhile
 * (the gap between two ticks of a 1 ms timer).
 * Each case runs in its own child process.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { blockMeter } from '../lib/block-meter.js';
import type * as HeraldModule from '../../main/core/herald.js';
import type * as JobsModule from '../../main/jobs/service.js';
import type * as SourcesModule from '../../main/sources/config.js';
import type * as RecipientsModule from '../../main/outbox/recipients.js';
import type * as ControlModule from '../../main/outbox/control.js';
import type * as ClientModule from '../../main/sources/client.js';
import type * as HandlersModule from '../../main/api/handlers/index.js';
import type * as DispatcherModule from '../../main/api/dispatcher.js';
import type { MetabaseHttpClient } from '../../main/sources/metabase/client.js';

const SELF = fileURLToPath(import.meta.url);

interface Case {
  jobId: string;
  variant: string;
  cardId: number;
  contracts: number;
  /** Positional 17-column card (file era) or Metabase's named columns (database era). */
  columns: 'standard' | 'named';
  /** The contracts given with "run now" (`jobs.runNow` with an input) instead of fetched from the card. */
  given?: boolean;
}

const CASES: Case[] = [
  { jobId: 'campaign-bj-2025-06', variant: 'BJ-2025-06', cardId: 1707, contracts: 1_052, columns: 'standard' },
  { jobId: 'campaign-bj-2025-10', variant: 'BJ-2025-10', cardId: 1883, contracts: 1_052, columns: 'named' },
  { jobId: 'campaign-bj-2025-06', variant: 'BJ-2025-06', cardId: 1707, contracts: 100_000, columns: 'standard' },
  { jobId: 'campaign-bj-2025-10', variant: 'BJ-2025-10', cardId: 1883, contracts: 100_000, columns: 'named' },
  { jobId: 'campaign-sh-2025-10', variant: 'SH-2025-10', cardId: 1884, contracts: 100_000, columns: 'named' },
  { jobId: 'campaign-sh-2025-10', variant: 'SH-2025-10', cardId: 1884, contracts: 100_000, columns: 'named', given: true },
];

export async function run(): Promise<Record<string, unknown>> {
  const results: unknown[] = [];
  for (const c of CASES) {
    const child = spawnSync(process.execPath, ['--import', 'tsx', SELF], {
      env: { ...process.env, CAMPAIGN_JOB_BENCH: JSON.stringify(c) },
      encoding: 'utf8',
      maxBuffer: 1 << 22,
      timeout: 15 * 60_000,
    });
    if (child.status !== 0) throw new Error(`bench of ${c.variant} × ${c.contracts} failed: ${child.stderr.slice(-3000)}`);
    results.push(JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}'));
  }
  return { cores: os.cpus().length, node: process.version, targetMainThreadBlockMs: 20, results };
}

// ------------------------------------------------------------------ the fake Metabase's process

async function serveCard(c: Case): Promise<void> {
  const { generateContracts, cardOf, METABASE_NAMES } = await import('../lib/campaign-cards.js');
  const { STANDARD_COLUMNS } = await import('../../main/campaigns/input/columns.js');
  const { startFakeMetabase } = await import('../../main/demo/fake-metabase.js');
  const rows = generateContracts(c.contracts, c.variant.startsWith('BJ') ? 'BJ' : 'SH');
  const columns = c.columns === 'standard' ? STANDARD_COLUMNS : Object.keys(rows[0]!.values);
  const metabase = await startFakeMetabase({ cards: { [c.cardId]: { data: cardOf(rows, columns, c.columns === 'named' ? METABASE_NAMES : {}) } } });
  process.stdout.write(`READY ${metabase.url} ${metabase.username} ${metabase.password}\n`);
}

function startMetabaseProcess(c: Case): Promise<{ url: string; username: string; password: string; stop(): void }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', SELF], { env: { ...process.env, CAMPAIGN_JOB_BENCH_METABASE: JSON.stringify(c) }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /READY (\S+) (\S+) (\S+)/.exec(out);
      if (m) resolve({ url: m[1]!, username: m[2]!, password: m[3]!, stop: () => proc.kill('SIGKILL') });
    });
    proc.once('exit', (code) => reject(new Error(`the fake Metabase exited (${code})`)));
  });
}

// ------------------------------------------------------------------ one case, in its own process

/**
 * An event-loop delay monitor already ticking: its first tick only sets the base of the next
 * interval, so a block right after `enable()` would go unrecorded.
 */
async function monitoring(): Promise<IntervalHistogram> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  await new Promise((r) => setTimeout(r, 5));
  return histogram;
}

/** Herald as `npm start` runs it: the compiled build (`npm run bench` builds it first). */
function compiled<T>(module: string): Promise<T> {
  const file = path.join(path.dirname(SELF), '..', '..', 'out', 'main', `${module}.js`);
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run npm run build`);
  return import(pathToFileURL(file).href) as Promise<T>;
}

async function benchOne(c: Case): Promise<Record<string, unknown>> {
  const { Herald } = await compiled<typeof HeraldModule>('core/herald');
  const { jobsFor } = await compiled<typeof JobsModule>('jobs/service');
  const { writeMetabaseSettings } = await compiled<typeof SourcesModule>('sources/config');
  const { saveRecipient } = await compiled<typeof RecipientsModule>('outbox/recipients');
  const { setSendingEnabled } = await compiled<typeof ControlModule>('outbox/control');
  const { createMetabaseClient } = await compiled<typeof ClientModule>('sources/client');
  const { createHandlers } = await compiled<typeof HandlersModule>('api/handlers/index');
  const { createDispatcher } = await compiled<typeof DispatcherModule>('api/dispatcher');
  const metabase = await startMetabaseProcess(c);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-bench-campaign-jobs-'));
  const herald = Herald.open({ dataDir: dir, mode: 'headless', logToConsole: false });
  try {
    await herald.start();
    writeMetabaseSettings(herald.db, herald.secrets, { url: metabase.url, username: metabase.username, password: metabase.password });
    for (const id of ['bj-ops-group', 'sh-ops-group', 'campaign-contact-bj', 'campaign-contact-sh']) saveRecipient(herald.db, herald.secrets, { id, route: [{ channel: 'DRY_RUN', address: id }] }, Date.now());
    setSendingEnabled(herald.db, false);
    // Steady state, as in the office: a Metabase session exists and undici's HTTP parser is compiled.
    await (createMetabaseClient(herald) as MetabaseHttpClient).login();
    const jobs = jobsFor(herald);
    const given = c.given ? (await import('../lib/campaign-cards.js')).generateContracts(c.contracts, c.variant.startsWith('BJ') ? 'BJ' : 'SH') : undefined;
    const delay = await monitoring();
    const started = performance.now();
    const { runId } = jobs.runNow(c.jobId, given);
    const runNowMs = performance.now() - started;
    let row = jobs.runs.get(runId)!;
    while (!['succeeded', 'failed', 'timed-out', 'cancelled', 'interrupted'].includes(row.status) || jobs.runner.running(c.jobId)) {
      await new Promise((r) => setTimeout(r, 10));
      row = jobs.runs.get(runId)!;
    }
    delay.disable();
    const ms = performance.now() - started;
    if (row.status !== 'succeeded') throw new Error(`run ${runId} ${row.status}: ${row.error_message ?? ''}`);
    const round = (n: number) => Math.round(n * 10) / 10;
    const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    const api = createDispatcher(createHandlers(herald, { openPath: () => Promise.resolve(false) }));
    const reads: Record<string, { ms: number; mainThreadMaxBlockMs: number }> = {};
    for (const [name, method, input] of [
      ['list', 'campaigns.list', {}],
      ['ledger', 'campaigns.ledger', { variant: c.variant, page: 1, pageSize: 50 }],
      ['overview', 'campaigns.overview', { variant: c.variant }],
    ] as const) {
      const block = blockMeter(1);
      const at = performance.now();
      const answer = await api.invoke(method, input);
      if (!answer.ok) throw new Error(`${method}: ${answer.error.message}`);
      JSON.stringify(answer);
      const readMs = performance.now() - at;
      reads[name] = { ms: Math.round(readMs), mainThreadMaxBlockMs: round(block.stop()) };
    }
    return {
      variant: c.variant,
      contracts: c.contracts,
      input: c.given ? 'given' : 'card',
      records: row.records,
      messages: row.messages,
      ms: Math.round(ms),
      contractsPerSecond: Math.round((c.contracts / ms) * 1000),
      peakRssMb,
      mainThreadMaxBlockMs: round(delay.max / 1e6),
      mainThreadP99BlockMs: round(delay.percentile(99) / 1e6),
      /** How long `runNow` itself held the caller. */
      runNowMs: round(runNowMs),
      reads,
    };
  } finally {
    await herald.close();
    metabase.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.env.CAMPAIGN_JOB_BENCH_METABASE) {
  void serveCard(JSON.parse(process.env.CAMPAIGN_JOB_BENCH_METABASE) as Case);
} else if (process.env.CAMPAIGN_JOB_BENCH) {
  benchOne(JSON.parse(process.env.CAMPAIGN_JOB_BENCH) as Case).then(
    (figures) => {
      process.stdout.write(`${JSON.stringify(figures)}\n`);
      process.exit(0);
    },
    (err: unknown) => {
      process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
      process.exit(1);
    },
  );
} else if (process.argv[1] === SELF) {
  run().then((r) => process.stdout.write(`${JSON.stringify(r, null, 2)}\n`));
}
