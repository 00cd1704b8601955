import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inTransaction, openDatabase, type Db } from '../db/open.js';
import { migrate } from '../db/migrate.js';
import type { StateScope } from '../jobs/types.js';

/**
 * Sandbox stores: one SQLite file per job and pipeline under the data folder's `sandbox/`, created
 * with every migration and kept across runs (a database pipeline needs its counters from earlier
 * runs). Nothing in a sandbox is ever delivered. State moves between stores by **scope** (a
 * pipeline's `stateScope`: table + where clause), never by whole table: the campaign and monitor
 * tables hold many jobs' rows.
 */

const safe = (s: string) => s.replace(/[^\w.-]+/g, '_').slice(0, 60);

export function sandboxFile(sandboxDir: string, jobId: string, pipelineId: string): string {
  // The hash keeps two ids that clean up to the same name apart.
  const hash = crypto.createHash('sha256').update(`${jobId}\u0000${pipelineId}`).digest('hex').slice(0, 8);
  return path.join(sandboxDir, `${safe(jobId)}--${safe(pipelineId)}-${hash}.sqlite`);
}

/** Creates (or brings up to date) a sandbox file; returns its path. */
export function ensureSandbox(file: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = openDatabase(file);
  try {
    migrate(db);
  } finally {
    db.close();
  }
  return file;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
const SOURCE = 'handover_source';

/** Runs `fn` with the database file `file` attached to `db` as `handover_source`. */
export function withAttached<T>(db: Db, file: string, fn: () => T): T {
  db.prepare(`ATTACH DATABASE ? AS ${SOURCE}`).run(file);
  try {
    return fn();
  } finally {
    db.exec(`DETACH DATABASE ${SOURCE}`);
  }
}

interface Column {
  name: string;
  type: string;
  pk: number;
}

function tableSql(db: Db, schema: string, table: string): string | undefined {
  return (db.prepare(`SELECT sql FROM ${schema}.sqlite_master WHERE type = 'table' AND name = ?`).get(table) as { sql: string } | undefined)?.sql;
}

function columns(db: Db, schema: string, table: string): Column[] {
  return db.prepare(`PRAGMA ${schema}.table_info(${quote(table)})`).all() as Column[];
}

const whereOf = (scope: StateScope) => (scope.where ? ` WHERE (${scope.where})` : '');

/** Deletes a job's rows in `db` (schema main); inside the caller's transaction. */
export function deleteScopedRows(db: Db, scopes: readonly StateScope[]): void {
  for (const scope of scopes) {
    if (tableSql(db, 'main', scope.table) === undefined) continue;
    db.prepare(`DELETE FROM main.${quote(scope.table)}${whereOf(scope)}`).run(...(scope.params ?? []));
  }
}

/**
 * Replaces a job's rows in `db` (schema main) with its rows in the attached `handover_source`, in
 * their order and with fresh row ids (an integer primary key is left to the target, whose other
 * rows keep theirs). A table the target lacks is created from the source's definition; a table
 * the source lacks holds no state. Inside the caller's transaction.
 */
export function replaceScopedRows(db: Db, scopes: readonly StateScope[]): void {
  for (const scope of scopes) {
    const sourceSql = tableSql(db, SOURCE, scope.table);
    if (tableSql(db, 'main', scope.table) === undefined) {
      if (sourceSql === undefined) continue;
      db.exec(sourceSql);
    }
    const params = scope.params ?? [];
    db.prepare(`DELETE FROM main.${quote(scope.table)}${whereOf(scope)}`).run(...params);
    if (sourceSql === undefined) continue;
    const target = columns(db, 'main', scope.table);
    const inSource = new Set(columns(db, SOURCE, scope.table).map((c) => c.name));
    const rowidAlias = target.filter((c) => c.pk > 0).length === 1 && target.some((c) => c.pk === 1 && c.type.toUpperCase() === 'INTEGER');
    const copied = target.filter((c) => inSource.has(c.name) && !(rowidAlias && c.pk === 1)).map((c) => quote(c.name));
    const order = /WITHOUT\s+ROWID/i.test(sourceSql) ? '' : ' ORDER BY rowid';
    db.prepare(`INSERT INTO main.${quote(scope.table)} (${copied.join(', ')}) SELECT ${copied.join(', ')} FROM ${SOURCE}.${quote(scope.table)}${whereOf(scope)}${order}`).run(...params);
  }
}

/** `target`'s rows of `scopes` become those of the database file `sourceFile`, in one transaction. */
export function copyScopedRows(target: Db, sourceFile: string, scopes: readonly StateScope[]): void {
  if (!scopes.length) return;
  withAttached(target, sourceFile, () => inTransaction(target, () => replaceScopedRows(target, scopes)));
}

/** A fresh store holding only `scopes`' rows of `source` (a Db, or a file). */
function scopedCopy(file: string, source: Db | string, scopes: readonly StateScope[]): void {
  ensureSandbox(file);
  const db = openDatabase(file);
  try {
    copyScopedRows(db, typeof source === 'string' ? source : source.name, scopes);
  } finally {
    db.close();
  }
}

/** Starts a job's sandbox again: empty, or with the pipeline's state copied from the live store (a quirk-fix candidate starts where the control is). */
export function resetSandbox(file: string, from: 'empty' | { live: Db; scopes: readonly StateScope[] }): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
  if (from === 'empty') ensureSandbox(file);
  else scopedCopy(file, from.live, from.scopes);
}

/**
 * A throw-away store holding the control's state as it is now, for the noise-calibration run: the
 * second control run writes there, never where the first one does.
 */
export function scratchCopy(source: Db | string, scopes: readonly StateScope[]): { file: string; dispose(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-scratch-'));
  const file = path.join(dir, 'scratch.sqlite');
  scopedCopy(file, source, scopes);
  return { file, dispose: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
