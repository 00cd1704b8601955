import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../db/open.js';
import { isHeraldError } from '../../shared/errors.js';
import { insertInput, PreparedInput, prepareText } from '../input-store.js';
import type { SnapshotPart, SnapshotResult } from '../snapshot-writer.js';

/**
 * Stores a run's input snapshot off the main thread: the JSON text arrives in pieces (or already
 * compressed, from the input worker); this thread hashes and compresses it and inserts it on its
 * own connection, waiting for the write lock as long as another run's transaction holds it.
 */
const { dbFile, now } = workerData as { dbFile: string; now: number };
const port = parentPort!;
const pieces: string[] = [];

/** Another run's pipeline may hold the write lock for its whole transaction: wait for it here, not on the main thread. */
const BUSY_TIMEOUT_MS = 10 * 60_000;

function store(input: PreparedInput): SnapshotResult {
  const db = openDatabase(dbFile, { busyTimeoutMs: BUSY_TIMEOUT_MS });
  try {
    return { ok: true, ...insertInput(db, input, now) };
  } finally {
    db.close();
  }
}

port.on('message', (part: SnapshotPart) => {
  if (part.kind === 'piece') {
    pieces.push(part.text);
    return;
  }
  let result: SnapshotResult;
  try {
    const input = part.kind === 'prepared' ? new PreparedInput(part.ref, Buffer.from(part.data.buffer, part.data.byteOffset, part.data.byteLength), part.sizeBytes) : prepareText(pieces.join(''));
    pieces.length = 0;
    result = store(input);
  } catch (err) {
    result = { ok: false, error: isHeraldError(err) ? { code: err.code, message: err.message, context: { ...err.context } } : { code: 'INPUT_STORE_FAILED', message: err instanceof Error ? err.message : String(err) } };
  }
  port.postMessage(result);
});
