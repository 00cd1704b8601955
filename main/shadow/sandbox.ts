import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '../db/open.js';
import { migrate } from '../db/migrate.js';

/**
 * Sandbox stores: one SQLite file per job and pipeline under the data folder's `sandbox/`, created
 * with every migration and kept across runs (a database pipeline needs its counters from earlier
 * runs). Nothing in a sandbox is ever delivered.
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

/** Starts a job's sandbox again: empty, or as a copy of the live store (a quirk-fix candidate needs the control's state). */
export function resetSandbox(file: string, from: 'empty' | { live: Db }): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
  if (from === 'empty') ensureSandbox(file);
  else {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    copyDatabase(from.live, file);
    ensureSandbox(file);
  }
}

function copyDatabase(db: Db, target: string): void {
  db.prepare('VACUUM INTO ?').run(target);
}

/**
 * A throw-away copy of a store as it is now, for the noise-calibration run of the control: the
 * second run writes there, never where the first one does.
 */
export function scratchCopy(source: Db | string): { file: string; dispose(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-scratch-'));
  const file = path.join(dir, 'scratch.sqlite');
  if (typeof source === 'string') {
    const db = openDatabase(source, { readonly: true });
    try {
      copyDatabase(db, file);
    } finally {
      db.close();
    }
  } else copyDatabase(source, file);
  return { file, dispose: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Replaces `tables` in `target` with their rows in the database file `sourceFile` (tables missing
 * in the target are created from the source's definition), in one transaction.
 */
export function copyTables(target: Db, sourceFile: string, tables: readonly string[]): void {
  if (!tables.length) return;
  target.prepare('ATTACH DATABASE ? AS handover_source').run(sourceFile);
  try {
    target.transaction(() => {
      for (const table of tables) {
        const source = target.prepare("SELECT sql FROM handover_source.sqlite_master WHERE type = 'table' AND name = ?").get(table) as { sql: string } | undefined;
        if (!source) continue;
        const exists = target.prepare("SELECT 1 FROM main.sqlite_master WHERE type = 'table' AND name = ?").get(table);
        const quoted = `"${table.replaceAll('"', '""')}"`;
        if (!exists) target.exec(source.sql);
        target.exec(`DELETE FROM main.${quoted}`);
        target.exec(`INSERT INTO main.${quoted} SELECT * FROM handover_source.${quoted}`);
      }
    }).immediate();
  } finally {
    target.exec('DETACH DATABASE handover_source');
  }
}
