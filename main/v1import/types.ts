import type { MessageContent } from '../outbox/types.js';
import type { LedgerHeader } from '../campaigns/store/ledger-store.js';

/**
 * What an import of v1's state becomes before anything is written: the rows of the jobs' state
 * tables and the notifications v1 already handled, each with where it came from.
 */

/** Herald's status of a notification v1 handled (spec §5.1, §5.5). */
export type ImportedStatus = 'sent' | 'unknown' | 'failed' | 'dead';

export interface PlannedNotification {
  /** The Herald job whose message it is (null: a v1 task Herald cannot attribute). */
  jobId: string | null;
  businessType: string;
  businessId: string;
  recipient: string;
  status: ImportedStatus;
  /** The text or payload when v1 kept it (tasks.db, notification_outbox); otherwise only the identity is recorded. */
  content?: MessageContent;
  metadata?: Record<string, unknown>;
  /** v1's time of it (epoch ms). */
  at: number;
  /** Where the evidence came from, e.g. `tasks.db #1341`, `PerformanceData-SH-May.csv`. */
  source: string;
  /** What v1's own record says, for the message's trace (recipient name, attempts, error). */
  detail?: string;
  attempts?: number;
  lastError?: string;
  /** A monitor's message: also recorded as handed to the outbox (`monitor_notified`), with v1's state key. */
  monitor?: { stateKey: string | null };
  /**
   * `record`: v1's delivery record (a task, an outbox row) says what happened; `flag`: only that v1
   * queued it (CSV flag, send_status file, notification_sent) — a record wins over a flag.
   */
  evidence: 'record' | 'flag';
}

export interface PlannedLedgerRow {
  activityCode: string;
  contractId: string;
  header: LedgerHeader;
  cells: string[];
  source: string;
}

/** A row of `campaign_performance_data` (v1's `performance_data` columns + `project_address`). */
export type SqlValue = string | number | null;
export interface PlannedTableRow {
  values: Record<string, SqlValue>;
  source: string;
}

/** A contract v1 recorded but never announced: left out, so Herald's next run records and announces it, as v1's would have. */
export interface LeftForHerald {
  variant: string;
  activityCode: string;
  contractId: string;
  source: string;
}

export interface Skipped {
  source: string;
  reason: string;
}

export interface ImportPlan {
  kind: 'pc-folder' | 'v1-database';
  source: string;
  /** The files read. */
  files: string[];
  ledgerRows: PlannedLedgerRow[];
  performanceRows: PlannedTableRow[];
  pendingOrders: PlannedTableRow[];
  slaViolations: PlannedTableRow[];
  notifications: PlannedNotification[];
  leftForHerald: LeftForHerald[];
  skipped: Skipped[];
  /** Things worth knowing that did not stop anything (a column a file lacked, left empty). */
  notes: string[];
}

export interface Tally {
  new: number;
  existing: number;
}

export interface ImportReport {
  kind: ImportPlan['kind'];
  source: string;
  dryRun: boolean;
  files: string[];
  ledgerRows: Tally & { byActivity: Record<string, number> };
  performanceRows: Tally & { byActivity: Record<string, number> };
  notifications: Tally & { byStatus: Record<ImportedStatus, number>; byJob: Record<string, number> };
  monitorKeys: Tally;
  pendingOrders: Tally;
  slaViolations: Tally;
  leftForHerald: LeftForHerald[];
  skipped: Skipped[];
  notes: string[];
}
