import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/open.js';
import { MONITOR_JOBS } from '../monitors/definitions.js';
import { utcDateTime } from '../campaigns/pipelines/common.js';
import { HeraldError } from '../shared/errors.js';
import { applyPlan } from './apply.js';
import { ANNOUNCEMENT, campaignNotification } from './campaigns.js';
import { docIndex, planLedgerContracts, planPerformanceRows, type LedgerContract } from './contracts.js';
import { planOutboxRows } from './outbox-rows.js';
import { findPcFiles, readLedgers, readSendStatus, readStateJson } from './pc-files.js';
import { Planner, emptyPlan } from './planner.js';
import { planTasks, readTasks } from './tasks-db.js';
import type { ImportPlan, ImportReport } from './types.js';
import { pendingOrderValues, readV1Database, slaViolationValues, type V1Database } from './v1-database.js';

export type { ImportPlan, ImportReport } from './types.js';
export { importReportText } from './report.js';

export interface ImportOptions {
  dryRun?: boolean;
  now?: number;
  /** A job's settings as Herald runs it (recipients of monitor messages); default: the settings' defaults. */
  settingsOf?: (jobId: string) => Record<string, unknown>;
  /** Called as the import goes (files read, rows written). */
  progress?: (done: number, total: number, step: string) => void;
}

const defaultSettings = (jobId: string): Record<string, unknown> => MONITOR_JOBS[jobId]?.settingsSchema.parse({}) ?? {};

function isSqlite(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    fs.readSync(fd, head, 0, 16, 0);
    return head.toString('latin1') === 'SQLite format 3\u0000';
  } finally {
    fs.closeSync(fd);
  }
}

/** The monitors' state of a v1 database: pending-order snapshots and SLA violation records. */
function planMonitorState(db: V1Database, planner: Planner, importedAt: string, source: string): void {
  for (const row of db.pendingOrders) planner.plan.pendingOrders.push({ values: pendingOrderValues(row, importedAt), source });
  for (const row of db.slaViolations) planner.plan.slaViolations.push({ values: slaViolationValues(row, importedAt), source });
}

function planDatabaseFile(file: string, planner: Planner, options: Required<Pick<ImportOptions, 'settingsOf'>> & { now: number }, contracts: readonly LedgerContract[] = [], tasksFiles: readonly string[] = []): void {
  const name = path.basename(file);
  const db = readV1Database(file);
  planner.plan.files.push(file);
  const docs = docIndex(contracts, db.performanceData);
  for (const t of tasksFiles) {
    planner.plan.files.push(t);
    planTasks(readTasks(t), docs, planner, path.basename(t), options.now);
  }
  planOutboxRows(db.outbox, planner, options.settingsOf, name, options.now);
  planLedgerContracts(contracts, planner, options.now);
  planPerformanceRows(db.performanceData, planner, name, options.now);
  planMonitorState(db, planner, utcDateTime(new Date(options.now)), name);
}

function planPcFolder(dir: string, planner: Planner, options: Required<Pick<ImportOptions, 'settingsOf'>> & { now: number }): void {
  const files = findPcFiles(dir);
  if (Object.values(files).every((list: unknown[]) => list.length === 0)) {
    throw new HeraldError('V1_IMPORT_NOTHING', `${dir} holds none of v1's files (PerformanceData-*.csv, send_status_*.json, technician_status_record.json, tasks.db, performance_data.db), neither in the folder nor in state/.`, { path: dir });
  }
  const contracts = readLedgers(files.ledgers, planner);
  for (const { contract } of readSendStatus(files.sendStatus, contracts, planner)) {
    planner.notify(campaignNotification(contract.campaign, contract.activityCode, contract.contractId, ANNOUNCEMENT, {
      status: 'sent',
      at: options.now,
      source: contract.source,
      evidence: 'flag',
      detail: 'v1 marked it 发送成功; its ledger row was not found',
    }));
  }
  const settings = options.settingsOf('technician-status');
  for (const file of files.technicianRecords) {
    planner.plan.files.push(file);
    for (const [key, state] of Object.entries(readStateJson(file))) {
      if (state !== '通知成功') continue;
      planner.notify({
        jobId: 'technician-status',
        businessType: 'technician.status',
        businessId: key,
        recipient: String(settings.webhookRecipient),
        status: 'sent',
        at: options.now,
        source: path.basename(file),
        evidence: 'flag',
        detail: 'v1 recorded the change as notified (通知成功)',
        monitor: { stateKey: key },
      });
    }
  }
  const [database, ...others] = files.performanceDb;
  for (const other of others) planner.skip(path.basename(other), `a second database; only ${path.basename(database!)} is read`);
  if (database) planDatabaseFile(database, planner, options, contracts, files.tasksDb);
  else {
    const docs = docIndex(contracts, []);
    for (const t of files.tasksDb) {
      planner.plan.files.push(t);
      planTasks(readTasks(t), docs, planner, path.basename(t), options.now);
    }
    planLedgerContracts(contracts, planner, options.now);
  }
}

/** What importing `source` (a v1 working folder, or a copy of v1's SQLite database) would write. */
export function planImport(source: string, options: ImportOptions = {}): ImportPlan {
  if (!fs.existsSync(source)) throw new HeraldError('V1_IMPORT_NOT_FOUND', `There is nothing at ${source}.`, { path: source });
  const resolved = path.resolve(source);
  const context = { settingsOf: options.settingsOf ?? defaultSettings, now: options.now ?? Date.now() };
  if (fs.statSync(resolved).isDirectory()) {
    const planner = new Planner(emptyPlan('pc-folder', resolved));
    planPcFolder(resolved, planner, context);
    return planner.result();
  }
  if (!isSqlite(resolved)) {
    throw new HeraldError('V1_IMPORT_UNREADABLE', `${source} is neither a folder (v1's PC working folder) nor a SQLite database (a copy of v1's database).`, { path: source });
  }
  const planner = new Planner(emptyPlan('v1-database', resolved));
  planDatabaseFile(resolved, planner, context);
  return planner.result();
}

/**
 * Takes over v1's state: its ledgers and database rows become the campaigns' and monitors' stored
 * state, and what it sent (or may have sent) becomes outbox identities under the business ids
 * Herald's jobs use, so the next run continues where v1 stopped and announces nothing twice.
 * Idempotent; `dryRun` reports what would be taken and writes nothing.
 */
export function importV1(db: Db, source: string, options: ImportOptions = {}): ImportReport {
  options.progress?.(0, 2, 'reading v1 state');
  const plan = planImport(source, options);
  options.progress?.(1, 2, `writing ${plan.ledgerRows.length + plan.performanceRows.length} rows and ${plan.notifications.length} notifications`);
  const report = applyPlan(db, plan, { ...(options.dryRun ? { dryRun: true } : {}), ...(options.now !== undefined ? { now: options.now } : {}) });
  options.progress?.(2, 2, 'done');
  return report;
}
