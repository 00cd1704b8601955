import { Worker } from 'node:worker_threads';
import type { WorkerRequest } from './protocol.js';

/**
 * Starts a worker on the module `entry` next to `callerUrl` (a relative path without extension):
 * the `.js` file in the compiled build; under tsx (development, tests) the `.ts` file. Node 20
 * ignores `--import tsx` in a worker's `execArgv`, so there a two-line bootstrap registers tsx's
 * loader inside the worker before importing the entry.
 */
export function spawnWorker(callerUrl: string, entry: string, workerData: unknown, transferList: ArrayBuffer[] = []): Worker {
  if (!callerUrl.endsWith('.ts')) return new Worker(new URL(`${entry}.js`, callerUrl), { workerData, transferList });
  const tsx = import.meta.resolve('tsx/esm/api');
  const url = new URL(`${entry}.ts`, callerUrl).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(url)}); });`;
  return new Worker(bootstrap, { eval: true, workerData, transferList });
}

/** The pipeline worker (pipeline-worker.ts) for one run or one side of a run. */
export function spawnPipelineWorker(request: WorkerRequest): Worker {
  return spawnWorker(import.meta.url, './pipeline-worker', request);
}
