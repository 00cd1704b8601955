import { Worker } from 'node:worker_threads';
import type { WorkerRequest } from './protocol.js';

/**
 * Starts the pipeline worker: the `.js` entry next to this file in the compiled build; under tsx
 * (development, tests) the `.ts` entry. Node 20 ignores `--import tsx` in a worker's `execArgv`, so
 * there a two-line bootstrap registers tsx's loader inside the worker before importing the entry.
 */
export function spawnPipelineWorker(request: WorkerRequest): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./pipeline-worker.js', here), { workerData: request });
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./pipeline-worker.ts', here).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: request });
}
