import v8 from 'node:v8';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../db/open.js';
import type { PipelineSpec } from '../../jobs/types.js';
import type { Enqueue } from '../../outbox/types.js';
import { runSideOnStore, unknownPipeline } from './in-process.js';
import type { SideResult } from './types.js';
import type { WorkerData } from './worker.js';

/** One side in its own worker thread: see worker.ts. */
const { options, request } = workerData as WorkerData;
const moduleUrl = (m: string) => (m.startsWith('file:') ? m : pathToFileURL(m).href);
const req = { ...request, scheduledAt: new Date(request.scheduledAt), signal: new AbortController().signal };

const mod = (await import(moduleUrl(options.pipelinesModule))) as { pipelinesFor(jobId: string): Record<string, PipelineSpec<unknown>> | undefined };
const spec = mod.pipelinesFor(req.jobId)?.[req.pipelineId];
let result: SideResult;
if (!spec) result = unknownPipeline(req);
else {
  const enqueue = req.store === 'live' && options.enqueueModule ? ((await import(moduleUrl(options.enqueueModule))) as { enqueue: Enqueue }).enqueue : undefined;
  const db = openDatabase(req.store === 'live' ? options.liveFile : req.sandboxFile!);
  try {
    const outcome = runSideOnStore(spec, db, req, enqueue);
    // This isolate's heap grew to hold the run's peak and V8 does not hand it back at once: the
    // committed heap plus the peak of off-heap allocations approximates the side's peak memory.
    const heap = v8.getHeapStatistics();
    result = { ...outcome, peakMemoryBytes: heap.total_heap_size + heap.peak_malloced_memory };
  } finally {
    db.close();
  }
}
parentPort!.postMessage(result);
