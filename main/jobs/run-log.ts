import type { LogContext, Logger, LogLevel } from '../logging/logger.js';
import type { RunLogLine } from './run-store.js';

/** Lines kept per run in `run_logs`; the Herald log file has every line regardless. */
export const MAX_STORED_LINES = 2000;

/**
 * The log of one run: every line goes to the Herald log (scope `jobs.<job>`, with the run number)
 * and is kept for the run's detail view, written to `run_logs` when the run ends — the pipeline's
 * transaction may hold the write lock until then.
 */
export class RunLog {
  private readonly lines: RunLogLine[] = [];
  private dropped = 0;
  /** Lines handed to `drain` so far: the sequence number the next stored line gets. */
  private drained = 0;
  warnings = 0;

  constructor(
    private readonly log: Logger,
    private readonly runId: number,
    private readonly now: () => number,
  ) {}

  write(level: LogLevel, message: string, context?: LogContext, at = this.now()): void {
    this.log[level](message, { runId: this.runId, ...context });
    if (this.lines.length < MAX_STORED_LINES) this.lines.push({ at, level, message, ...(context ? { context } : {}) });
    else this.dropped += 1;
  }

  /** To the Herald log only (a stack trace: kept in the log and the database, never sent to a client). */
  toFileOnly(level: LogLevel, message: string, context?: LogContext): void {
    this.log[level](message, { runId: this.runId, ...context });
  }

  warn(message: string, context?: LogContext, at?: number): void {
    this.warnings += 1;
    this.write('warn', message, context, at);
  }

  /** A Logger for code running on the main thread (fetchInput). */
  logger(): Logger {
    const at = (level: LogLevel) => (message: string, context?: LogContext) => this.write(level, message, context);
    return { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug'), child: () => this.logger() };
  }

  /**
   * The lines to store since the last drain, with a note when some were only written to the Herald
   * log, and the sequence number of the first (lines can follow the run's end: shadow mode's other side).
   */
  drain(): { firstSeq: number; lines: RunLogLine[] } {
    const lines = this.lines.splice(0);
    if (this.dropped) lines.push({ at: this.now(), level: 'warn', message: `${this.dropped} more log lines are only in the Herald log file.` });
    this.dropped = 0;
    const firstSeq = this.drained;
    this.drained += lines.length;
    return { firstSeq, lines };
  }
}
