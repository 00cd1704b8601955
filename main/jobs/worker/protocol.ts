import type { LogLevel } from '../../logging/logger.js';
import type { RunError, RunProgress } from '../run-store.js';

/** What a worker is asked to run: everything by value or by reference, since functions cannot cross threads. */
export interface WorkerRequest {
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
  /** The business transaction committed (the run row carries the result). */
  | ({ type: 'done'; peakHeapBytes: number } & WorkerMemory)
  | { type: 'failed'; error: RunError; peakHeapBytes: number };
