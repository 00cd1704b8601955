import type { SideRequest, SideResult, SideRunner } from '../shadow/sides/types.js';
import { HeraldError, toHeraldError } from '../shared/errors.js';
import type { WorkerMessage, WorkerRequest } from './worker/protocol.js';
import { startWorkerSession, WorkerExited, WorkerFailure, type WorkerDone } from './worker/session.js';

type LogMessage = Extract<WorkerMessage, { type: 'log' }>;

/** What the side runner needs from the job runner. */
export interface SideHost {
  /** The live side: the run itself, on the runner's normal path (its worker, its transaction, its messages). */
  live(req: SideRequest): Promise<WorkerDone>;
  /** The worker request for a side on a sandbox store. */
  request(req: SideRequest & { sandboxFile: string; inputRef: string }): WorkerRequest;
  /** A sandbox side's log line, for its run's log. */
  log(req: SideRequest, line: LogMessage): void;
}

const result = (done: WorkerDone): SideResult => ({
  ...(done.output ? { packed: done.output } : {}),
  durationMs: done.pipelineMs,
  peakMemoryBytes: done.peakMemoryBytes,
});

function failure(err: unknown, started: number): SideResult {
  if (err instanceof WorkerFailure) {
    const { code, message } = err.failed.error;
    return { error: { code, message }, durationMs: performance.now() - started, peakMemoryBytes: err.failed.peakMemoryBytes };
  }
  const durationMs = performance.now() - started;
  // The live side fails as a run does: with the run's error as the worker described it.
  if (typeof err === 'object' && err !== null && !(err instanceof Error) && 'code' in err && 'message' in err) {
    return { error: { code: String(err.code), message: String(err.message) }, durationMs, peakMemoryBytes: null };
  }
  const e = err instanceof WorkerExited ? new HeraldError('SHADOW_SIDE_EXITED', err.message) : toHeraldError(err, 'PIPELINE_FAILED');
  return { error: { code: e.code, message: e.message }, durationMs, peakMemoryBytes: null };
}

/** A side on its sandbox store, in its own worker thread, stopped (terminated) when the side is given up or the run ends. */
function sandboxSide(host: SideHost, req: SideRequest): Promise<WorkerDone> {
  const { sandboxFile, inputRef } = req;
  if (!sandboxFile || !inputRef) {
    return Promise.reject(new HeraldError('SHADOW_SIDE_INVALID', `${req.pipelineId} needs a sandbox file and a stored input to run beside the live side.`, { jobId: req.jobId, pipeline: req.pipelineId }));
  }
  return new Promise<WorkerDone>((resolve, reject) => {
    const { worker, done } = startWorkerSession(host.request({ ...req, sandboxFile, inputRef }), (m) => {
      if (m.type === 'log') host.log(req, m);
    });
    const stop = () => {
      reject(new HeraldError('SHADOW_SIDE_STOPPED', `${req.pipelineId} was stopped before it finished.`, { jobId: req.jobId, pipeline: req.pipelineId }));
      void worker.terminate();
    };
    if (req.signal.aborted) stop();
    else req.signal.addEventListener('abort', stop, { once: true });
    done.then(resolve, reject).finally(() => req.signal.removeEventListener('abort', stop));
  });
}

/**
 * Shadow mode's side runner on the job runner's worker threads: each side in its own worker, so
 * its duration and memory are its own and a side that hangs can be stopped. The live side is the
 * run's normal path; a sandbox side opens its sandbox file, runs in one transaction, enqueues
 * nothing and hands its output back for the diff.
 */
export function workerSideRunner(host: SideHost): SideRunner {
  return async (req) => {
    const started = performance.now();
    try {
      return result(await (req.store === 'live' ? host.live(req) : sandboxSide(host, req)));
    } catch (err) {
      return failure(err, started);
    }
  };
}
