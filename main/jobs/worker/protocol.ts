import type { LogLevel } from '../../logging/logger.js';
import type { PackedOutput } from '../../shadow/packed-side.js';
import type { RunError, RunProgress } from '../run-store.js';

/** What a worker is asked to run: everything by value or by reference, since functions cannot cross threads. */
export interface WorkerRequest {
  /** The live store: the run's row, its input snapshot, and — on the live side — its business rows and messages. */
  dbFile: string;
  /** Module exporting `catalogue: JobDefinition[]`. */
  catalogueModule: string;
  /** Module exporting `enqueueMessage: Enqueue`. */
  enqueueModule: string;
  jobId: string;
  pipelineId: string;
  runId: number;
  scheduledAt: number;
  settings: Record<string, unknown>;
  inputRef: string;
  /** Every message of the run is held to this channel (a dry run: `DRY_RUN`). */
  onlyChannel?: string;
  /**
   * Shadow mode's other side: the pipeline runs on this SQLite file (its sandbox) instead of the
   * live store, in one transaction; nothing is enqueued and the run's row is left alone.
   */
  sandboxFile?: string;
  /** Send the pipeline's output back in `done`, packed (shadow mode compares it). */
  returnOutput?: boolean;
}

export interface WorkerMemory {
  heapUsed: number;
  rss: number;
}

export type WorkerMessage =
  /** Input loaded and validated; the pipeline's transaction starts. */
  | { type: 'started' }
  | ({ type: 'progress' } & RunProgress & WorkerMemory)
  /** `warning`: reported through `ctx.warn` (counted on the run), not only logged. */
  | { type: 'log'; level: LogLevel; message: string; context?: Record<string, unknown>; at: number; warning?: boolean }
  /**
   * The pipeline's transaction committed (on the live side the run row carries the result).
   * `peakMemoryBytes`: this thread's own peak (its heap and off-heap allocations), so a side's
   * memory is attributable; `pipelineMs`: input read, pipeline, commit — without thread start-up.
   */
  | ({ type: 'done'; peakHeapBytes: number; peakMemoryBytes: number; pipelineMs: number; output?: PackedOutput } & WorkerMemory)
  | { type: 'failed'; error: RunError; peakHeapBytes: number; peakMemoryBytes: number };
