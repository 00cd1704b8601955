import { HeraldError, type ErrorContext } from '../shared/errors.js';
import type { CardAnswer } from '../sources/types.js';
import { PreparedInput } from './input-store.js';
import { spawnWorker } from './worker/spawn.js';

/**
 * A job's `fetchInput` for big cards: with `ctx.metabase.queryCardWith(card, (answer) =>
 * prepareCardInput(answer, transform))` the answer's bytes go to a worker thread that parses them,
 * applies the job's transform (`export function name(card: CardResult, args)` in `module`) and
 * returns the snapshot ready to store — the main thread never holds the rows. Errors keep their
 * code and context (a bad row is still named by card, row and column).
 */
export interface InputTransform {
  /** Module URL (`siblingModule(import.meta.url, './x')`). */
  module: string;
  name: string;
  args: unknown;
}

export type InputWorkerResult =
  | { ok: true; ref: string; data: Uint8Array; sizeBytes: number; rows: number }
  | { ok: false; error: { code: string; message: string; context?: ErrorContext } };

export function prepareCardInput(answer: CardAnswer, transform: InputTransform): Promise<PreparedInput> {
  // The bytes move to the worker (transferred, not copied).
  const bytes = answer.bytes.byteOffset === 0 && answer.bytes.byteLength === answer.bytes.buffer.byteLength ? answer.bytes : answer.bytes.slice();
  const worker = spawnWorker(import.meta.url, './worker/input-worker', { answer: { ...answer, bytes }, transform }, [bytes.buffer as ArrayBuffer]);
  return new Promise<PreparedInput>((resolve, reject) => {
    const failed = (why: string, cause?: unknown) => reject(new HeraldError('INPUT_PREPARATION_FAILED', `Preparing the input of card ${answer.card} failed: ${why}`, { card: answer.card }, { cause }));
    worker.once('message', (result: InputWorkerResult) => {
      void worker.terminate();
      if (result.ok) resolve(new PreparedInput(result.ref, Buffer.from(result.data.buffer, result.data.byteOffset, result.data.byteLength), result.sizeBytes));
      else reject(new HeraldError(result.error.code, result.error.message, result.error.context ?? {}));
    });
    worker.once('error', (err) => failed(err.message, err));
    // After a message or an error the promise is settled and this changes nothing.
    worker.once('exit', (code) => failed(`the worker stopped (exit code ${code})`));
  });
}
