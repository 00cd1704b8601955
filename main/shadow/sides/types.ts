import type { PipelineOutput } from '../../jobs/types.js';
import type { PackedOutput } from '../packed-side.js';

/**
 * The one thing shadow mode asks of the job runner (main/jobs/shadow-sides.ts): run a named
 * pipeline of a job on a given store, each side in its own worker thread. `live` is the runner's normal run (the job's store, one transaction, messages enqueued in
 * it); `sandbox` runs the same pipeline on another SQLite file, in one transaction, and enqueues
 * nothing — its messages only come back in the output, for the diff.
 */
export interface SideRequest {
  jobId: string;
  runId: number | null;
  pipelineId: string;
  store: 'live' | 'sandbox';
  /** The SQLite file of a sandbox run; the side runner creates it or brings it up to date (all migrations). */
  sandboxFile?: string;
  /** The input snapshot by value, or (the runner's way) by reference to the live store's `run_inputs`. */
  input?: unknown;
  inputRef?: string;
  scheduledAt: Date;
  settings: Record<string, unknown>;
  /** False: nothing compares this side's output, so it need not come back (a live side with nothing beside it). */
  output?: boolean;
  /** Aborted when the side is given up (timeout) or the run is cancelled: stop the worker. */
  signal: AbortSignal;
}

export interface SideError {
  code: string;
  message: string;
}

export interface SideResult {
  /** The output in this thread … */
  output?: PipelineOutput;
  /** … or as its worker packed it, for the comparison's worker to read. */
  packed?: PackedOutput;
  error?: SideError;
  durationMs: number;
  /** Peak memory of the side alone (its own worker); null when it cannot be told apart. */
  peakMemoryBytes: number | null;
}

export type SideRunner = (request: SideRequest) => Promise<SideResult>;
