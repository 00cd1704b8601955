import v8 from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import type { JobDefinition, PipelineContext, PipelineJob, PipelineOutput } from '../types.js';
import type { Enqueue } from '../../outbox/types.js';
import type { LogContext, Logger, LogLevel } from '../../logging/logger.js';
import type { WorkerMessage, WorkerRequest } from './protocol.js';
import { inTransaction, openDatabase, type Db } from '../../db/open.js';
import { migrate } from '../../db/migrate.js';
import { HeraldError, isHeraldError } from '../../shared/errors.js';
import { loadInput } from '../input-store.js';
import { notBuiltError } from '../errors.js';
import { packOutput } from '../../shadow/packed-side.js';

/**
 * The worker thread a pipeline runs in: its own database connection, the job looked up in the
 * catalogue module, the input snapshot read back and validated, then `pipeline.run` and the
 * enqueuing of its messages inside ONE IMMEDIATE transaction. If the main thread terminates this
 * worker (cancel, timeout), the transaction never commits and SQLite rolls it back.
 *
 * Shadow mode's other side (`sandboxFile`) runs the same way on its sandbox store: one
 * transaction, nothing enqueued, the run's row untouched; its output goes back for the diff.
 */
const request = workerData as WorkerRequest;
const port = parentPort!;
let peakHeap = 0;

function post(message: WorkerMessage): void {
  port.postMessage(message);
}

function memory(): { heapUsed: number; rss: number } {
  const { heapUsed, rss } = process.memoryUsage();
  peakHeap = Math.max(peakHeap, heapUsed);
  return { heapUsed, rss };
}

/**
 * This thread's peak memory: V8 keeps the heap it grew to for the run's peak a while after the
 * objects died, so its committed size plus the peak of off-heap allocations approximates the
 * side's peak (RSS is the whole process's, shared by every thread).
 */
function peakMemory(): number {
  const heap = v8.getHeapStatistics();
  return Math.max(peakHeap, heap.total_heap_size) + heap.peak_malloced_memory;
}

function logger(scope: string): Logger {
  const write = (level: LogLevel) => (message: string, context?: LogContext) =>
    post({ type: 'log', level, message: scope ? `[${scope}] ${message}` : message, at: Date.now(), ...(context ? { context } : {}) });
  return { error: write('error'), warn: write('warn'), info: write('info'), debug: write('debug'), child: (sub) => logger(scope ? `${scope}.${sub}` : sub) };
}

async function loadJob(): Promise<{ job: JobDefinition; body: PipelineJob<unknown>; enqueue: Enqueue }> {
  const { catalogue } = (await import(request.catalogueModule)) as { catalogue: JobDefinition[] };
  const { enqueueMessage } = (await import(request.enqueueModule)) as { enqueueMessage: Enqueue };
  const job = catalogue.find((j) => j.id === request.jobId);
  if (!job) throw new HeraldError('JOB_NOT_FOUND', `The job "${request.jobId}" is not in the catalogue.`, { jobId: request.jobId });
  if (job.body.kind !== 'pipeline') throw notBuiltError(job);
  return { job, body: job.body as PipelineJob<unknown>, enqueue: enqueueMessage };
}

function validInput(body: PipelineJob<unknown>, raw: unknown): unknown {
  const parsed = body.inputSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.map(String).join('.') || '(root)';
  throw new HeraldError('INVALID_RUN_INPUT', `The run's input does not fit the job: ${field}: ${issue?.message ?? 'invalid'}.`, {
    jobId: request.jobId,
    runId: request.runId,
    field,
  });
}

/** The pipeline in one transaction; on the live store (`enqueue` given) with its messages and the run's result. */
function run(db: Db, body: PipelineJob<unknown>, input: unknown, enqueue: Enqueue | undefined): PipelineOutput {
  const pipeline = body.pipelines[request.pipelineId];
  if (!pipeline) throw new HeraldError('PIPELINE_NOT_FOUND', `The job "${request.jobId}" has no pipeline "${request.pipelineId}".`, { jobId: request.jobId, pipeline: request.pipelineId });
  const log = logger('');
  const ctx: PipelineContext = {
    jobId: request.jobId,
    runId: request.runId,
    scheduledAt: new Date(request.scheduledAt),
    settings: request.settings,
    log,
    progress: (done, total, step) => post({ type: 'progress', done, ...(total !== undefined ? { total } : {}), ...(step !== undefined ? { step } : {}), ...memory() }),
    warn: (message, context) => post({ type: 'log', level: 'warn', message, at: Date.now(), warning: true, ...(context ? { context } : {}) }),
  };
  post({ type: 'started' });
  return inTransaction(db, () => {
    const output = pipeline.run(db, input, ctx);
    if (!enqueue) return output;
    let created = 0;
    const options = request.onlyChannel ? { onlyChannel: request.onlyChannel } : undefined;
    for (const message of output.messages) {
      if (enqueue(db, { ...message, jobId: request.jobId, runId: request.runId }, options).created) created += 1;
    }
    memory();
    // The result travels with the business rows: whoever reads the run after a crash or a
    // cancel that came too late sees that it committed.
    db.prepare('UPDATE runs SET committed_at = ?, counts = ?, summary = ?, records = ?, messages = ?, messages_new = ? WHERE id = ?').run(
      Date.now(),
      JSON.stringify(output.counts),
      output.summary ? JSON.stringify(output.summary) : null,
      output.records.length,
      output.messages.length,
      created,
      request.runId,
    );
    return output;
  });
}

function onStore<T>(file: string, fn: (db: Db) => T, readonly = false): T {
  const db = openDatabase(file, { busyTimeoutMs: 60_000, readonly });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

async function main(): Promise<void> {
  const { body, enqueue } = await loadJob();
  const sandbox = request.sandboxFile;
  // A sandbox is created and brought up to date here, off the main thread.
  if (sandbox) onStore(sandbox, (db) => migrate(db));
  const started = performance.now();
  const output = sandbox
    ? onStore(sandbox, (db) => run(db, body, onStore(request.dbFile, (live) => validInput(body, loadInput(live, request.inputRef)), true), undefined))
    : onStore(request.dbFile, (db) => run(db, body, validInput(body, loadInput(db, request.inputRef)), enqueue));
  const pipelineMs = performance.now() - started;
  const packed = request.returnOutput ? packOutput(output) : undefined;
  const done: WorkerMessage = { type: 'done', peakHeapBytes: peakHeap, peakMemoryBytes: peakMemory(), pipelineMs, ...(packed ? { output: packed } : {}), ...memory() };
  port.postMessage(done, packed ? [packed.bytes] : []);
}

main().catch((err: unknown) => {
  const error = isHeraldError(err)
    ? { code: err.code, message: err.message, context: { ...err.context }, ...(err.stack ? { stack: err.stack } : {}) }
    : { code: 'PIPELINE_FAILED', message: err instanceof Error ? err.message : String(err), ...(err instanceof Error && err.stack ? { stack: err.stack } : {}) };
  memory();
  post({ type: 'failed', error, peakHeapBytes: peakHeap, peakMemoryBytes: peakMemory() });
});
