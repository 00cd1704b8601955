import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { promisify } from 'node:util';
import type { Db } from '../db/open.js';
import { HeraldError } from '../shared/errors.js';

const gunzip = promisify(zlib.gunzip);

export interface StoredInput {
  /** sha256 of the JSON text: identical snapshots (a cumulative card that did not change) are stored once. */
  ref: string;
  sizeBytes: number;
}

export function notJsonError(): HeraldError {
  return new HeraldError('INVALID_RUN_INPUT', 'A run input must be a JSON value.');
}

function serialise(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) throw notJsonError();
  return text;
}

/**
 * A snapshot already serialised, hashed and compressed elsewhere — in a worker thread, for a big
 * card (`prepare-input.ts`) — and stored as it is (by a writer thread: `snapshot-writer.ts`).
 */
export class PreparedInput {
  constructor(
    readonly ref: string,
    readonly data: Buffer,
    readonly sizeBytes: number,
  ) {}
}

/** Hashes and compresses a snapshot's JSON text (synchronous: for worker threads and small inputs). */
export function prepareText(text: string): PreparedInput {
  return new PreparedInput(crypto.createHash('sha256').update(text).digest('hex'), zlib.gzipSync(text), Buffer.byteLength(text));
}

/** Serialises, hashes and compresses a snapshot (synchronous: for worker threads and small inputs). */
export function prepareInput(value: unknown): PreparedInput {
  return prepareText(serialise(value));
}

/**
 * A run's input snapshot as gzip'd JSON, so a rerun or a replay sees exactly the rows the run saw.
 * The pipeline always reads its input back from here, first run and rerun alike. A big snapshot is
 * inserted by a worker thread (`snapshot-writer.ts`), a small one on the caller's connection.
 */
export function insertInput(db: Db, input: PreparedInput, now: number): StoredInput {
  db.prepare('INSERT INTO run_inputs (ref, data, size_bytes, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (ref) DO NOTHING').run(input.ref, input.data, input.sizeBytes, now);
  return { ref: input.ref, sizeBytes: input.sizeBytes };
}

function storedInput(db: Db, ref: string): Buffer {
  const row = db.prepare('SELECT data FROM run_inputs WHERE ref = ?').get(ref) as { data: Buffer } | undefined;
  if (!row) throw new HeraldError('RUN_INPUT_MISSING', `The input snapshot ${ref.slice(0, 12)}… is no longer stored.`, { inputRef: ref });
  return row.data;
}

export function loadInput(db: Db, ref: string): unknown {
  return JSON.parse(zlib.gunzipSync(storedInput(db, ref)).toString('utf8'));
}

/** The snapshot's JSON text as stored, unzipped on libuv's thread pool: what an external command reads, never parsed here. */
export async function loadInputJson(db: Db, ref: string): Promise<string> {
  return (await gunzip(storedInput(db, ref))).toString('utf8');
}

export function inputSize(db: Db, ref: string): number | undefined {
  const row = db.prepare('SELECT size_bytes FROM run_inputs WHERE ref = ?').get(ref) as { size_bytes: number } | undefined;
  return row?.size_bytes;
}
