import type { Worker } from 'node:worker_threads';
import type { WorkerMessage, WorkerRequest } from './protocol.js';
import { spawnPipelineWorker } from './spawn.js';

export type WorkerDone = Extract<WorkerMessage, { type: 'done' }>;
export type WorkerFailed = Extract<WorkerMessage, { type: 'failed' }>;

/** The worker stopped before it reported (terminated, or crashed). */
export class WorkerExited extends Error {
  constructor(readonly exitCode: number) {
    super(`The worker thread exited with code ${exitCode} before it reported.`);
  }
}

/** The pipeline failed in the worker: its error as the worker described it, and the memory it had used. */
export class WorkerFailure extends Error {
  constructor(readonly failed: WorkerFailed) {
    super(failed.error.message);
  }
}

/**
 * One pipeline worker from start to end: every message goes to `onMessage` (progress, logs and the
 * final figures), and `done` settles once — with the `done` message, or rejected with a
 * `WorkerFailure`, a `WorkerExited` or the thread's own error.
 */
export function startWorkerSession(request: WorkerRequest, onMessage: (m: WorkerMessage) => void): { worker: Worker; done: Promise<WorkerDone> } {
  const worker = spawnPipelineWorker(request);
  const done = new Promise<WorkerDone>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
    };
    worker.on('message', (m: WorkerMessage) => {
      onMessage(m);
      if (m.type === 'done') settle(() => resolve(m));
      else if (m.type === 'failed') settle(() => reject(new WorkerFailure(m)));
    });
    worker.on('error', (err) => settle(() => reject(err)));
    worker.on('exit', (code) => settle(() => reject(new WorkerExited(code))));
  });
  return { worker, done };
}
