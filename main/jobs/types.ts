import type { z } from 'zod';
import type { Db } from '../db/open.js';
import type { Logger } from '../logging/logger.js';
import type { MetabaseClient } from '../sources/types.js';
import type { OutboundMessage } from '../outbox/types.js';
import type { PreparedInput } from './input-store.js';

/**
 * The shape of a Herald job. A business job is split where the I/O is:
 *
 *   fetchInput (main thread, async: Metabase …) → input snapshot (stored, so a rerun or a replay
 *   sees the same rows) → pipeline.run (worker thread, synchronous, inside ONE transaction: reads
 *   and writes the job's state tables and returns records + messages) → the runner enqueues the
 *   messages in that same transaction.
 *
 * A job may have several pipelines (e.g. `v1-ledger` and `v1-db` for September's campaigns);
 * shadow mode runs a control and a candidate on the same snapshot and scheduled time.
 */

export type TriggerSpec =
  /** 5 or 6 fields; time zone defaults to Asia/Shanghai. */
  | { kind: 'cron'; expression: string; timeZone?: string }
  | { kind: 'interval'; everyMs: number }
  | { kind: 'event'; name: string };

export type MisfirePolicy = 'run-once' | 'run-all' | 'skip';
export type OverlapPolicy = 'queue-one' | 'skip';
export type TriggerKind = 'cron' | 'interval' | 'event' | 'manual' | 'catch-up' | 'rerun';

export interface JobOptions {
  timeoutMs: number;
  misfire: MisfirePolicy;
  overlap: OverlapPolicy;
  /** Upper bound of catch-up runs for `run-all`. */
  maxCatchUp: number;
}

/** A job title in both UI languages (also used by the tray menu and the CLI). */
export interface JobTitle {
  'zh-CN': string;
  en: string;
}

/** What a pipeline sees besides its input and its store. */
export interface PipelineContext {
  jobId: string;
  runId: number;
  /** The run's logical time: a catch-up run of Monday 09:00 gets Monday 09:00, never "now". */
  scheduledAt: Date;
  /** The job's settings (validated by its settingsSchema), e.g. campaign variant, recipients, options. */
  settings: Record<string, unknown>;
  log: Logger;
  progress(done: number, total?: number, step?: string): void;
  /** Something v1 accepted and Herald reports (e.g. duplicate contract id in one batch). */
  warn(message: string, context?: Record<string, unknown>): void;
}

/** A business record the pipeline produced, keyed for diffs (contract id, business id). */
export interface PipelineRecord {
  key: string;
  fields: Record<string, unknown>;
  /**
   * Numeric fields that are Python floats in v1's record (`5000.0`, not `5000`): JSON cannot tell
   * them apart, v1's texts and files can.
   */
  floatFields?: string[];
}

export interface PipelineOutput {
  records: PipelineRecord[];
  /** In the order v1 queued them. */
  messages: OutboundMessage[];
  /** Counts shown on the run (`contracts`, `announcements`, `awards`, `violations` …). */
  counts: Record<string, number>;
  /** "3 条超时通知已发送，1 条表扬": a namespaced catalogue key (`monitors:summary.sla`) and its parameters. */
  summary?: { key: string; params: Record<string, string | number> };
}

/**
 * The rows of one table that hold a pipeline's state for its job: `where` (SQL over the table's
 * columns, `?` bound to `params`) keeps other jobs' rows out — campaign tables hold every
 * campaign's rows, keyed by activity code. Without `where`, the whole table is the job's.
 */
export interface StateScope {
  table: string;
  where?: string;
  params?: ReadonlyArray<string | number>;
}

export interface PipelineSpec<TInput> {
  id: string;
  description: string;
  /**
   * Where the pipeline keeps its state between runs. Shadow mode hands exactly these rows between
   * the live store and the pipeline's sandbox when another pipeline of the job goes live.
   */
  stateScope?: readonly StateScope[];
  /**
   * Synchronous and deterministic given (store, input, ctx). Runs inside the transaction the runner
   * opened on `store`; throwing rolls back everything it wrote. Heavy work is fine: it runs in a
   * worker thread.
   */
  run(store: Db, input: TInput, ctx: PipelineContext): PipelineOutput;
}

export interface FetchContext {
  jobId: string;
  runId: number;
  scheduledAt: Date;
  settings: Record<string, unknown>;
  signal: AbortSignal;
  log: Logger;
  metabase: MetabaseClient;
}

export interface PipelineJob<TInput = unknown> {
  kind: 'pipeline';
  /** Validates a snapshot, an imported file or an event payload before a pipeline sees it. */
  inputSchema: z.ZodType<TInput>;
  /**
   * The run's input — or its snapshot already serialised off the main thread (`prepareCardInput`,
   * for big cards), which the runner stores as it is; the pipeline reads it back either way.
   */
  fetchInput(ctx: FetchContext): Promise<TInput | PreparedInput>;
  pipelines: Record<string, PipelineSpec<TInput>>;
  /** The pipeline that runs in `control` mode unless the job's settings say otherwise. */
  defaultPipeline: string;
}

/** Jobs v1 had but Herald has not built yet: listed, schedulable, and a clear error when run. */
export interface UnavailableJob {
  kind: 'unavailable';
  reason: string;
}

export interface JobDefinition {
  id: string;
  title: JobTitle;
  /** Default triggers; the office can edit the expressions (stored in the database). */
  triggers: TriggerSpec[];
  options: JobOptions;
  /** Job-specific settings with their defaults (campaign variant, card id, recipients, options). */
  settingsSchema: z.ZodType<Record<string, unknown>>;
  /** `unknown`, not `never`: a job with a concrete input (e.g. a card) must be assignable here. */
  body: PipelineJob<unknown> | UnavailableJob;
}

export type { Db };
