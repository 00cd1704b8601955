import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SideResult, SideRunner } from './types.js';

/**
 * Runs each side in its own worker thread, so a side's memory is its own and a side that hangs can
 * be stopped (the worker is terminated when the side is given up). A small stand-in for the job
 * runner's worker pool: on merge, the runner's pool implements `SideRunner` the same way — open
 * the store named by the request in the worker, run the pipeline in one transaction, enqueue only
 * on the live store, report duration and the worker's heap.
 */
export interface WorkerSideOptions {
  /** A module exporting `pipelinesFor(jobId): Record<string, PipelineSpec> | undefined`. */
  pipelinesModule: string;
  /** The live database file (the worker opens its own connection; WAL lets it write beside the main thread's). */
  liveFile: string;
  /** A module exporting `enqueue(db, message)` for the live side's messages. */
  enqueueModule?: string;
}

/** The request as it crosses into the worker (no AbortSignal, dates as text). */
export interface WorkerData {
  options: WorkerSideOptions;
  request: { jobId: string; runId: number | null; pipelineId: string; store: 'live' | 'sandbox'; sandboxFile?: string; input: unknown; scheduledAt: string; settings: Record<string, unknown> };
}

/** Built, the entry is plain JS; from sources (tests, tsx) it is TypeScript and the worker registers tsx first. */
function startWorker(data: WorkerData): Worker {
  if (!fileURLToPath(import.meta.url).endsWith('.ts')) return new Worker(new URL('./worker-entry.js', import.meta.url), { workerData: data });
  const entry = JSON.stringify(new URL('./worker-entry.ts', import.meta.url).href);
  return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${entry}); });`, { eval: true, workerData: data });
}

export function workerSideRunner(options: WorkerSideOptions): SideRunner {
  return (req) =>
    new Promise<SideResult>((resolve) => {
      const started = performance.now();
      const { signal, scheduledAt, ...rest } = req;
      const data: WorkerData = { options, request: { ...rest, scheduledAt: scheduledAt.toISOString() } };
      const worker = startWorker(data);
      let settled = false;
      const finish = (result: SideResult) => {
        if (settled) return;
        settled = true;
        signal.removeEventListener('abort', onAbort);
        resolve(result);
        void worker.terminate();
      };
      const failed = (code: string, message: string) => finish({ error: { code, message }, durationMs: performance.now() - started, peakMemoryBytes: null });
      const onAbort = () => failed('SIDE_STOPPED', `${req.pipelineId} was stopped.`);
      signal.addEventListener('abort', onAbort, { once: true });
      worker.once('message', (result: SideResult) => finish(result));
      worker.once('error', (err) => failed('PIPELINE_WORKER_FAILED', err.message));
      worker.once('exit', (code) => failed('PIPELINE_WORKER_EXITED', `The worker of ${req.pipelineId} exited with code ${code} before reporting.`));
    });
}
