import path from 'node:path';
import { migrate } from '../../main/db/migrate.js';
import { inTransaction, openDatabase, type Db } from '../../main/db/open.js';
import type { PipelineContext } from '../../main/jobs/types.js';
import type { Logger } from '../../main/logging/logger.js';
import { MONITOR_JOBS } from '../../main/monitors/definitions.js';
import type { MonitorRun, RowPolicy } from '../../main/monitors/pipeline.js';
import type { CardResult } from '../../main/sources/types.js';
import { tempDir } from './tmp.js';

/** A migrated store in a temp folder (removed after the test). */
export function monitorStore(): Db {
  const db = openDatabase(path.join(tempDir('herald-monitors-'), 'store.sqlite'));
  migrate(db);
  return db;
}

export function card(columns: readonly string[], rows: unknown[][]): CardResult {
  return { cols: columns.map((name) => ({ name })), rows };
}

/** A card from row objects in the given column order (a missing key is null). */
export function cardOf(columns: readonly string[], rows: Array<Record<string, unknown>>): CardResult {
  return card(columns, rows.map((row) => columns.map((c) => (c in row ? row[c] : null))));
}

const silent: Logger = { error() {}, warn() {}, info() {}, debug() {}, child: () => silent };

export interface MonitorRunResult extends MonitorRun {
  warnings: Array<{ message: string; context?: Record<string, unknown> }>;
}

let runId = 0;

/** Runs a monitor's body once inside a transaction, as the runner does. */
export function runMonitor(
  store: Db,
  jobId: string,
  input: CardResult,
  at: string,
  settings: Record<string, unknown> = {},
  policy: RowPolicy = 'warn-skip',
): MonitorRunResult {
  const job = MONITOR_JOBS[jobId];
  if (!job) throw new Error(`unknown job ${jobId}`);
  const warnings: MonitorRunResult['warnings'] = [];
  const ctx: PipelineContext = {
    jobId,
    runId: ++runId,
    scheduledAt: new Date(at),
    settings: job.settingsSchema.parse(settings),
    log: silent,
    progress() {},
    warn: (message, context) => warnings.push({ message, ...(context ? { context } : {}) }),
  };
  const result = inTransaction(store, () => job.run({ store, card: input, ctx, policy }));
  return { ...result, warnings };
}

/** The texts of a run's messages. */
export function texts(run: MonitorRun): string[] {
  return run.output.messages.map((m) => (m.content.kind === 'text' ? m.content.text : JSON.stringify(m.content)));
}
