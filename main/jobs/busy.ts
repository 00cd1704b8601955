/**
 * SQLite has one writer at a time, and a pipeline holds the write lock for its whole transaction. A
 * main-thread write that must not be lost (a run's end) waits for it instead of failing: retried
 * while the database reports itself busy.
 */
export function isBusy(err: unknown): boolean {
  const code = (err as { code?: string } | undefined)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}

export async function whenWritable<T>(write: () => T, options: { retryMs?: number; attempts?: number } = {}): Promise<T> {
  const retryMs = options.retryMs ?? 500;
  const attempts = options.attempts ?? 1200;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return write();
    } catch (err) {
      if (!isBusy(err) || attempt >= attempts) throw err;
      await new Promise((resolve) => setTimeout(resolve, retryMs));
    }
  }
}
