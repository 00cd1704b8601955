import { Worker } from 'node:worker_threads';
import type { WorkerRequest } from './protocol.js';

/**
 * Starts the pipeline worker: the `.js` entry next to this file in the compiled build; under tsx
 * (development, tests) the `.ts` entry. Node 20 ignores `--import tsx` in a worker's `execArgv`, so
 * there a two-line bootstrap registers tsx's loader inside the worker before importing the entry.
 */
export function spawnPipelineWorker(request: WorkerRequest): Worker {
  return spawnWorker('./pipeline-worker', request);
}

/** A worker on `entry` (a module next to this file, without extension), compiled or under tsx. */
export function spawnWorker(entry: string, workerData: unknown, transferList: ArrayBuffer[] = []): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL(`${entry}.js`, here), { workerData, transferList });
  const tsx = import.meta.resolve('tsx/esm/api');
  const url = new URL(`${entry}.ts`, here).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(url)}); });`;
  return new Worker(bootstrap, { eval: true, workerData, transferList });
}
