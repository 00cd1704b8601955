import type { Db } from '../db/open.js';
import type { RunStatus } from '../api/contract/jobs.js';
import type { TriggerKind } from './types.js';
import type { LogLevel } from '../logging/logger.js';

export interface RunRow {
  id: number;
  job_id: string;
  trigger_kind: TriggerKind;
  trigger_id: number | null;
  event_name: string | null;
  scheduled_at: number;
  created_at: number;
  started_at: number | null;
  finished_at: number | null;
  duration_ms: number | null;
  status: RunStatus;
  pipeline: string | null;
  mode: RunMode | null;
  input_ref: string | null;
  rerun_of: number | null;
  error_code: string | null;
  error_message: string | null;
  error_stack: string | null;
  error_context: string | null;
  counts: string | null;
  summary: string | null;
  progress: string | null;
  records: number | null;
  messages: number | null;
  messages_new: number | null;
  warnings: number;
  peak_heap_bytes: number | null;
  peak_rss_bytes: number | null;
  committed_at: number | null;
}

/** The shadow mode a run ran in (main/shadow): control, shadow or candidate. */
export type RunMode = 'control' | 'shadow' | 'candidate';

export interface NewRun {
  jobId: string;
  kind: TriggerKind;
  scheduledAt: number;
  status: 'queued' | 'skipped';
  triggerId?: number;
  eventName?: string;
  inputRef?: string;
  rerunOf?: number;
  error?: { code: string; message: string };
}

export interface RunError {
  code: string;
  message: string;
  stack?: string;
  context?: Record<string, unknown>;
}

export interface RunProgress {
  done: number;
  total?: number;
  step?: string;
}

export interface RunEnd {
  status: Exclude<RunStatus, 'queued' | 'running'>;
  durationMs?: number;
  error?: RunError;
  progress?: RunProgress;
  warnings?: number;
  peakHeapBytes?: number;
  peakRssBytes?: number;
}

export interface RunLogLine {
  at: number;
  level: LogLevel;
  message: string;
  context?: Record<string, unknown>;
}

/** Statuses of runs that were in flight when Herald last stopped. */
const IN_FLIGHT = "('queued', 'running')";

/** The run history table: one row per run, written by the main thread (the worker adds its committed result). */
export class RunStore {
  constructor(private readonly db: Db) {}

  insert(run: NewRun, now: number): number {
    const result = this.db
      .prepare(
        `INSERT INTO runs (job_id, trigger_kind, trigger_id, event_name, scheduled_at, created_at, status, input_ref, rerun_of, error_code, error_message, finished_at)
         VALUES (@jobId, @kind, @triggerId, @eventName, @scheduledAt, @now, @status, @inputRef, @rerunOf, @errorCode, @errorMessage, @finishedAt)`,
      )
      .run({
        jobId: run.jobId,
        kind: run.kind,
        triggerId: run.triggerId ?? null,
        eventName: run.eventName ?? null,
        scheduledAt: run.scheduledAt,
        now,
        status: run.status,
        inputRef: run.inputRef ?? null,
        rerunOf: run.rerunOf ?? null,
        errorCode: run.error?.code ?? null,
        errorMessage: run.error?.message ?? null,
        finishedAt: run.status === 'skipped' ? now : null,
      });
    return Number(result.lastInsertRowid);
  }

  get(id: number): RunRow | undefined {
    return this.db.prepare('SELECT * FROM runs WHERE id = ?').get(id) as RunRow | undefined;
  }

  /** `mode`: the shadow mode the run started in (null for a job without pipelines). */
  markRunning(id: number, now: number, pipeline: string | null, mode: RunMode | null = null): void {
    this.db.prepare("UPDATE runs SET status = 'running', started_at = ?, pipeline = ?, mode = ? WHERE id = ?").run(now, pipeline, mode, id);
  }

  /** The result of a run whose live side was an external command: what it printed; Herald enqueued nothing. */
  recordExternal(id: number, result: { records: number; messages: number }, now: number): void {
    this.db
      .prepare('UPDATE runs SET committed_at = ?, counts = ?, records = ?, messages = ?, messages_new = 0 WHERE id = ?')
      .run(now, JSON.stringify(result), result.records, result.messages, id);
  }

  setInput(id: number, ref: string): void {
    this.db.prepare('UPDATE runs SET input_ref = ? WHERE id = ?').run(ref, id);
  }

  /** Ends a run. Counts, summary and message numbers were written by the worker with the business rows. */
  finish(id: number, end: RunEnd, now: number): void {
    this.db
      .prepare(
        `UPDATE runs SET status = @status, finished_at = @now, duration_ms = @durationMs, error_code = @code, error_message = @message,
           error_stack = @stack, error_context = @context, progress = COALESCE(@progress, progress), warnings = @warnings,
           peak_heap_bytes = @heap, peak_rss_bytes = @rss
         WHERE id = @id`,
      )
      .run({
        id,
        now,
        status: end.status,
        durationMs: end.durationMs ?? null,
        code: end.error?.code ?? null,
        message: end.error?.message ?? null,
        stack: end.error?.stack ?? null,
        context: end.error?.context ? JSON.stringify(end.error.context) : null,
        progress: end.progress ? JSON.stringify(end.progress) : null,
        warnings: end.warnings ?? 0,
        heap: end.peakHeapBytes ?? null,
        rss: end.peakRssBytes ?? null,
      });
  }

  appendLogs(id: number, firstSeq: number, lines: readonly RunLogLine[]): void {
    const insert = this.db.prepare('INSERT INTO run_logs (run_id, seq, at, level, message, context) VALUES (?, ?, ?, ?, ?, ?)');
    this.db.transaction(() => {
      lines.forEach((l, i) => insert.run(id, firstSeq + i, l.at, l.level, l.message, l.context ? JSON.stringify(l.context) : null));
    })();
  }

  /**
   * After a crash: a run whose business transaction committed (the worker marks `committed_at` in
   * it) succeeded; every other run left queued or running is interrupted.
   */
  recoverAfterCrash(now: number): { interrupted: number; committed: number } {
    return this.db.transaction(() => {
      const committed = this.db.prepare(`UPDATE runs SET status = 'succeeded', finished_at = ? WHERE status IN ${IN_FLIGHT} AND committed_at IS NOT NULL`).run(now).changes;
      const interrupted = this.db
        .prepare(
          `UPDATE runs SET status = 'interrupted', finished_at = ?, error_code = 'INTERRUPTED',
             error_message = 'Herald stopped while this run was ' || status || '; nothing it would have written was kept.'
           WHERE status IN ${IN_FLIGHT}`,
        )
        .run(now).changes;
      return { interrupted, committed };
    })();
  }

  lastFinished(jobId: string): RunRow | undefined {
    return this.db
      .prepare("SELECT * FROM runs WHERE job_id = ? AND finished_at IS NOT NULL AND status != 'skipped' ORDER BY id DESC LIMIT 1")
      .get(jobId) as RunRow | undefined;
  }
}
