import { inTransaction, openDatabase, type Db } from '../../db/open.js';
import type { PipelineContext, PipelineSpec } from '../../jobs/types.js';
import { loadInput } from '../../jobs/input-store.js';
import { ensureSandbox } from '../sandbox.js';
import { createLogger } from '../../logging/logger.js';
import type { Enqueue } from '../../outbox/types.js';
import { toHeraldError } from '../../shared/errors.js';
import type { SideRequest, SideResult, SideRunner } from './types.js';

/** Finds a job's pipelines (the job catalogue, or a test's). */
export type PipelineLookup = (jobId: string) => Record<string, PipelineSpec<unknown>> | undefined;

export interface InProcessOptions {
  pipelines: PipelineLookup;
  liveDb: Db;
  /** Enqueues the live side's messages in its transaction (the outbox's `enqueue`). */
  enqueue?: Enqueue;
}

function pipelineContext(req: SideRequest): PipelineContext {
  const log = createLogger(`job:${req.jobId}:${req.pipelineId}`);
  return {
    jobId: req.jobId,
    runId: req.runId ?? 0,
    scheduledAt: req.scheduledAt,
    settings: req.settings,
    log,
    progress: () => undefined,
    warn: (message, context) => log.warn(message, context),
  };
}

/**
 * Runs one side of a run: the pipeline in ONE transaction on its store; on the live store its
 * messages are enqueued in that same transaction, on a sandbox they only come back for the diff.
 */
function runSideOnStore(spec: PipelineSpec<unknown>, db: Db, input: unknown, req: SideRequest, enqueue?: Enqueue): Omit<SideResult, 'peakMemoryBytes'> {
  const started = performance.now();
  try {
    const output = inTransaction(db, () => {
      const out = spec.run(db, input, pipelineContext(req));
      if (req.store === 'live' && enqueue) for (const m of out.messages) enqueue(db, { ...m, jobId: req.jobId, ...(req.runId !== null ? { runId: req.runId } : {}) });
      return out;
    });
    return { output, durationMs: performance.now() - started };
  } catch (err) {
    const e = toHeraldError(err, 'PIPELINE_FAILED');
    return { error: { code: e.code, message: e.message }, durationMs: performance.now() - started };
  }
}

function unknownPipeline(req: SideRequest): SideResult {
  return { error: { code: 'PIPELINE_UNKNOWN', message: `Job ${req.jobId} has no pipeline named ${req.pipelineId}.` }, durationMs: 0, peakMemoryBytes: null };
}

/**
 * Reference side runner for the orchestration tests: both sides in this thread, one after the
 * other (a synchronous pipeline cannot be interrupted here, and memory is not attributable). In
 * Herald the job runner runs each side in its own worker thread (main/jobs/shadow-sides.ts).
 */
export function inProcessSideRunner(options: InProcessOptions): SideRunner {
  return async (req) => {
    await Promise.resolve();
    const spec = options.pipelines(req.jobId)?.[req.pipelineId];
    if (!spec) return unknownPipeline(req);
    const db = req.store === 'live' ? options.liveDb : openDatabase(ensureSandbox(req.sandboxFile!));
    try {
      const input = req.input !== undefined || req.inputRef === undefined ? req.input : loadInput(options.liveDb, req.inputRef);
      return { ...runSideOnStore(spec, db, input, req, options.enqueue), peakMemoryBytes: null };
    } finally {
      if (db !== options.liveDb) db.close();
    }
  };
}
