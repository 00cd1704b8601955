import Database from 'better-sqlite3';
import { HeraldError } from '../shared/errors.js';
import { nativeBindingPath } from './native-binding.js';

export type Db = Database.Database;

export interface OpenOptions {
  readonly?: boolean;
  /** Milliseconds a writer waits for another connection's lock before SQLITE_BUSY. */
  busyTimeoutMs?: number;
}

/**
 * Opens a Herald database file with the settings every connection needs: WAL so the UI and the
 * workers read while a run writes, foreign keys on, a busy timeout instead of instant failures,
 * and synchronous=NORMAL (durable at every checkpoint, safe against application crashes in WAL).
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const binding = nativeBindingPath();
  let db: Db;
  try {
    db = new Database(file, { readonly: options.readonly ?? false, ...(binding ? { nativeBinding: binding } : {}) });
  } catch (err) {
    throw new HeraldError('DB_OPEN_FAILED', `Cannot open the database file ${file}: ${(err as Error).message}`, { file }, { cause: err });
  }
  try {
    if (!options.readonly) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    db.pragma('synchronous = NORMAL');
  } catch (err) {
    db.close();
    const code = (err as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new HeraldError('DB_CORRUPT', `The database file ${file} is not a valid SQLite database (${code}). Restore it from a backup.`, { file }, { cause: err });
    }
    throw new HeraldError('DB_OPEN_FAILED', `Cannot prepare the database file ${file}: ${(err as Error).message}`, { file }, { cause: err });
  }
  return db;
}

/** Runs `fn` in one IMMEDIATE transaction: all of a run's business writes land together or not at all. */
export function inTransaction<T>(db: Db, fn: () => T): T {
  return db.transaction(fn).immediate();
}

/**
 * Runs `fn` with the connection's busy timeout at zero: a write that finds another connection
 * holding the write lock (a run's pipeline, for its whole transaction) fails at once with
 * SQLITE_BUSY instead of holding the thread up to the timeout. For the main thread, whose callers
 * retry later (`whenWritable`, the scheduler's next tick).
 */
export function withoutBusyWait<T>(db: Db, fn: () => T): T {
  const previous = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    return fn();
  } finally {
    db.pragma(`busy_timeout = ${previous}`);
  }
}

export function integrityCheck(db: Db): { ok: boolean; problems: string[] } {
  const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
  const problems = rows.map((r) => r.integrity_check).filter((v) => v !== 'ok');
  return { ok: problems.length === 0, problems };
}
