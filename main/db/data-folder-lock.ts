import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HeraldError } from '../shared/errors.js';

/**
 * One Herald per data folder: the app, the headless server and data-changing CLI commands each take
 * this lock before opening the database, so two schedulers never run against the same file.
 * The lock file names its holder; a holder whose process is gone (crash, power loss) is stale and
 * is taken over.
 */
export interface LockHolder {
  pid: number;
  purpose: string;
  hostname: string;
  startedAt: string;
}

export interface DataFolderLock {
  readonly file: string;
  readonly holder: LockHolder;
  release(): void;
}

export const LOCK_FILE_NAME = 'herald.lock';

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readLockHolder(dataDir: string): LockHolder | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(dataDir, LOCK_FILE_NAME), 'utf8')) as LockHolder;
  } catch {
    return undefined;
  }
}

function isStale(holder: LockHolder | undefined): boolean {
  if (!holder || typeof holder.pid !== 'number') return true;
  if (holder.hostname !== os.hostname()) return false;
  return !isProcessAlive(holder.pid);
}

export function acquireDataFolderLock(dataDir: string, purpose: string): DataFolderLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE_NAME);
  const holder: LockHolder = { pid: process.pid, purpose, hostname: os.hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, JSON.stringify(holder));
      fs.closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.removeListener('exit', release);
        if (readLockHolder(dataDir)?.pid === process.pid) fs.rmSync(file, { force: true });
      };
      process.on('exit', release);
      return { file, holder, release };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const existing = readLockHolder(dataDir);
      if (existing && existing.pid === process.pid && existing.hostname === os.hostname()) {
        throw new HeraldError('DATA_FOLDER_LOCKED', `This process already holds the lock on ${dataDir}.`, { dataDir, pid: process.pid });
      }
      if (!isStale(existing)) {
        const h = existing!;
        throw new HeraldError(
          'DATA_FOLDER_LOCKED',
          `Another Herald (${h.purpose}, PID ${h.pid} on ${h.hostname}, since ${h.startedAt}) is using the data folder ${dataDir}. Close it first, or choose another folder with --data-dir.`,
          { dataDir, pid: h.pid, purpose: h.purpose, hostname: h.hostname, startedAt: h.startedAt },
        );
      }
      // Stale: move it out of the way atomically so two starters cannot both delete and both win.
      try {
        fs.renameSync(file, `${file}.stale-${process.pid}`);
        fs.rmSync(`${file}.stale-${process.pid}`, { force: true });
      } catch {
        // Someone else took it over first; the next attempt sees their lock.
      }
    }
  }
  throw new HeraldError('DATA_FOLDER_LOCKED', `Could not take the lock on ${dataDir}.`, { dataDir });
}
