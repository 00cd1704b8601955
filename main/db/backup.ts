import fs from 'node:fs';
import path from 'node:path';
import type { Db } from './open.js';
import { HeraldError } from '../shared/errors.js';

export interface BackupInfo {
  file: string;
  name: string;
  sizeBytes: number;
  createdAt: string;
}

const BACKUP_PATTERN = /^herald-(\d{8}-\d{6})(?:-([\w-]+))?\.sqlite$/;

function stamp(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}${p(date.getMonth() + 1)}${p(date.getDate())}-${p(date.getHours())}${p(date.getMinutes())}${p(date.getSeconds())}`;
}

/** An online backup (SQLite's backup API): readers and writers go on while it copies. */
export async function backupTo(db: Db, dir: string, label = 'manual', now = new Date()): Promise<BackupInfo> {
  fs.mkdirSync(dir, { recursive: true });
  let name = `herald-${stamp(now)}-${label}.sqlite`;
  for (let i = 1; fs.existsSync(path.join(dir, name)); i += 1) name = `herald-${stamp(now)}-${label}${i}.sqlite`;
  const file = path.join(dir, name);
  await db.backup(file);
  return describe(file);
}

function describe(file: string): BackupInfo {
  const stat = fs.statSync(file);
  return { file, name: path.basename(file), sizeBytes: stat.size, createdAt: stat.mtime.toISOString() };
}

export function listBackups(dir: string): BackupInfo[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((n) => BACKUP_PATTERN.test(n))
    .map((n) => describe(path.join(dir, n)))
    .sort((a, b) => b.name.localeCompare(a.name));
}

/** Keeps the newest `keep` backups carrying `label`; others (manual, pre-restore) are left alone. */
export function pruneBackups(dir: string, label: string, keep: number): string[] {
  const mine = listBackups(dir).filter((b) => BACKUP_PATTERN.exec(b.name)?.[2]?.replace(/\d+$/, '') === label);
  const removed = mine.slice(keep);
  for (const b of removed) fs.rmSync(b.file, { force: true });
  return removed.map((b) => b.name);
}

/**
 * Replaces the database file by a backup. The caller has closed every connection (scheduler and
 * workers stopped). The backup is checked before anything is touched.
 */
export function replaceDatabaseFile(dbFile: string, backupFile: string, check: (file: string) => void): void {
  if (!fs.existsSync(backupFile)) throw new HeraldError('BACKUP_NOT_FOUND', `No backup file at ${backupFile}.`, { file: backupFile });
  check(backupFile);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${dbFile}${suffix}`, { force: true });
  const tmp = `${dbFile}.restoring`;
  fs.copyFileSync(backupFile, tmp);
  fs.renameSync(tmp, dbFile);
}
