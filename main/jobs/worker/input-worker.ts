import { parentPort, workerData } from 'node:worker_threads';
import { isHeraldError } from '../../shared/errors.js';
import { parseCardAnswer } from '../../sources/metabase/answer.js';
import type { CardAnswer, CardResult } from '../../sources/types.js';
import { prepareInput } from '../input-store.js';
import type { InputTransform, InputWorkerResult } from '../prepare-input.js';

/**
 * Prepares a run's input snapshot from a card answer off the main thread: decode and parse the
 * answer, turn the card into the job's input (the job's own transform, found by module and export
 * name since functions cannot cross threads), then serialise, hash and compress it.
 */
const { answer, transform } = workerData as { answer: CardAnswer; transform: InputTransform };

async function main(): Promise<InputWorkerResult> {
  const card = parseCardAnswer(answer);
  const mod = (await import(transform.module)) as Record<string, (card: CardResult, args: unknown) => unknown>;
  const fn = mod[transform.name];
  if (typeof fn !== 'function') throw new Error(`${transform.module} has no export ${transform.name}`);
  const prepared = prepareInput(fn(card, transform.args));
  return { ok: true, ref: prepared.ref, data: prepared.data, sizeBytes: prepared.sizeBytes, rows: card.rows.length };
}

main().then(
  (result) => parentPort!.postMessage(result, result.ok ? [result.data.buffer as ArrayBuffer] : []),
  (err: unknown) =>
    parentPort!.postMessage({
      ok: false,
      error: isHeraldError(err) ? { code: err.code, message: err.message, context: { ...err.context } } : { code: 'INPUT_PREPARATION_FAILED', message: err instanceof Error ? err.message : String(err) },
    } satisfies InputWorkerResult),
);
