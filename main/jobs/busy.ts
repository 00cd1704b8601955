import { withoutBusyWait, type Db } from '../db/open.js';

/**
 * SQLite has one writer at a time, and a pipeline holds the write lock for its whole transaction. A
 * main-thread write that must not be lost (a run's end) waits for it instead of failing: retried
 * every half second (for up to 100 minutes) while the database reports itself busy, never holding
 * the thread meanwhile.
 */
export function isBusy(err: unknown): boolean {
  const code = (err as { code?: string } | undefined)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}

export async function whenWritable<T>(db: Db, write: () => T, options: { retryMs?: number; attempts?: number } = {}): Promise<T> {
  const retryMs = options.retryMs ?? 500;
  const attempts = options.attempts ?? 12_000;
  for (let attempt = 1; ; attempt += 1) {
    try {
      // Tried without waiting on the lock: the waiting happens between attempts, off the thread.
      return withoutBusyWait(db, write);
    } catch (err) {
      if (!isBusy(err) || attempt >= attempts) throw err;
      await new Promise((resolve) => setTimeout(resolve, retryMs));
    }
  }
}
