import type { Db } from '../db/open.js';
import { HeraldError, type ErrorContext } from '../shared/errors.js';
import { insertInput, notJsonError, PreparedInput, prepareText, type StoredInput } from './input-store.js';
import { jsonPieces } from './json-pieces.js';
import { spawnWorker } from './worker/spawn.js';

/** What the main thread sends the snapshot worker: the JSON text in pieces then `end`, or a snapshot already compressed. */
export type SnapshotPart = { kind: 'piece'; text: string } | { kind: 'end' } | { kind: 'prepared'; ref: string; data: Uint8Array; sizeBytes: number };

export type SnapshotResult = ({ ok: true } & StoredInput) | { ok: false; error: { code: string; message: string; context?: ErrorContext } };

/** Up to this size (characters of JSON, or compressed bytes) a snapshot is stored on the main thread at once: a thread would cost more than it saves. */
const INLINE_SIZE = 64 * 1024;
/** The JSON text goes to the worker in pieces of about this size. */
const PIECE_CHARS = 1 << 20;
/** Serialising yields to the event loop this often, so timers, the UI's requests and the scheduler keep their pace. */
const SLICE_MS = 8;

interface Writer {
  send(part: SnapshotPart, transfer?: ArrayBuffer[]): void;
  result: Promise<StoredInput>;
  abandon(): void;
}

function startWriter(dbFile: string, now: number): Writer {
  const worker = spawnWorker(import.meta.url, './worker/snapshot-worker', { dbFile, now });
  const failed = (why: string, cause?: unknown) => new HeraldError('INPUT_STORE_FAILED', `Storing the run's input snapshot failed: ${why}`, {}, { cause });
  const result = new Promise<StoredInput>((resolve, reject) => {
    worker.once('message', (r: SnapshotResult) => {
      void worker.terminate();
      if (r.ok) resolve({ ref: r.ref, sizeBytes: r.sizeBytes });
      else reject(new HeraldError(r.error.code, r.error.message, r.error.context ?? {}));
    });
    worker.once('error', (err) => reject(failed(err.message, err)));
    // After a message or an error the promise is settled and this changes nothing.
    worker.once('exit', (code) => reject(failed(`the worker stopped (exit code ${code})`)));
  });
  return {
    send: (part, transfer = []) => worker.postMessage(part, transfer),
    result,
    abandon: () => {
      result.catch(() => undefined);
      void worker.terminate();
    },
  };
}

function storePrepared(db: Db, dbFile: string, input: PreparedInput, now: number): StoredInput | Promise<StoredInput> {
  if (input.data.byteLength <= INLINE_SIZE) return insertInput(db, input, now);
  const writer = startWriter(dbFile, now);
  // The bytes move to the worker (transferred, not copied) when they own their buffer.
  const data = input.data.byteOffset === 0 && input.data.byteLength === input.data.buffer.byteLength ? input.data : Uint8Array.prototype.slice.call(input.data);
  writer.send({ kind: 'prepared', ref: input.ref, data, sizeBytes: input.sizeBytes }, [data.buffer as ArrayBuffer]);
  return writer.result;
}

/** The rest of a big value's text, serialised in slices between other work and sent to a worker thread. */
async function storeRest(pieces: Iterator<string>, first: string, dbFile: string, now: number): Promise<StoredInput> {
  const writer = startWriter(dbFile, now);
  writer.send({ kind: 'piece', text: first });
  let buffered = '';
  let slice = performance.now();
  try {
    for (let piece = pieces.next(); !piece.done; piece = pieces.next()) {
      buffered += piece.value;
      if (buffered.length >= PIECE_CHARS) {
        writer.send({ kind: 'piece', text: buffered });
        buffered = '';
      }
      if (performance.now() - slice > SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        slice = performance.now();
      }
    }
  } catch (err) {
    writer.abandon();
    throw err;
  }
  if (buffered) writer.send({ kind: 'piece', text: buffered });
  writer.send({ kind: 'end' });
  return writer.result;
}

/**
 * Stores a run's input snapshot without holding the main thread. A small one (up to 64 KB of
 * JSON, an event's payload) is stored at once, on the caller's connection and inside the caller's
 * transaction. A big one is serialised in slices between other work and hashed, compressed and
 * inserted by a worker thread on its own connection (which also waits out another run's write lock
 * off the main thread): a promise. The ref is the same as `prepareInput`'s: the sha256 of
 * JSON.stringify's text. A big `PreparedInput` is spent: its bytes move to the worker.
 */
export function storeInput(db: Db, dbFile: string, value: unknown, now: number): StoredInput | Promise<StoredInput> {
  if (value instanceof PreparedInput) return storePrepared(db, dbFile, value, now);
  const pieces = jsonPieces(value);
  let buffered = '';
  for (let piece = pieces.next(); !piece.done; piece = pieces.next()) {
    buffered += piece.value;
    if (buffered.length > INLINE_SIZE) return storeRest(pieces, buffered, dbFile, now);
  }
  if (!buffered) throw notJsonError();
  return insertInput(db, prepareText(buffered), now);
}
