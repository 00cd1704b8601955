import type { PipelineOutput } from '../jobs/types.js';
import { unpackSide } from './packed-side.js';
import { spawnWorker } from '../jobs/worker/spawn.js';
import { HeraldError } from '../shared/errors.js';
import { calibrateNoise, diffSides, type DiffRules, type DiffSide } from './diff/index.js';
import { toStoredDiff, type StoredDiff } from './run-store.js';
import { pipelineOutputToSide } from './side-output.js';

/**
 * A side's output as it reaches the comparison: a pipeline's output in this thread, an external
 * command's side, or — from the runner's workers — the output serialized by its worker (`packed`),
 * so a side of 100,000 records never has to be rebuilt on the main thread.
 */
export type SideData = { kind: 'output'; output: PipelineOutput } | { kind: 'side'; side: DiffSide } | { kind: 'packed'; bytes: ArrayBuffer };

export interface CompareRequest {
  rules: DiffRules;
  control: SideData;
  candidate: SideData;
  /** The control's second run (noise calibration). */
  second: SideData | null;
}

export interface Comparison {
  /** Counts and verdict, and the whole diff as JSON, ready to store. */
  diff: StoredDiff;
  noiseCalibrated: boolean;
}

/** Compares two sides; how and where (this thread, a worker) is the comparer's business. */
export type Comparer = (request: CompareRequest) => Promise<Comparison>;

function sideOf(data: SideData): DiffSide {
  switch (data.kind) {
    case 'output':
      return pipelineOutputToSide(data.output);
    case 'side':
      return data.side;
    case 'packed':
      return unpackSide(data.bytes);
  }
}

/** The comparison itself: noise from the control's two runs, then control against candidate. */
export function compareSides(request: CompareRequest): Comparison {
  const control = sideOf(request.control);
  const noise = request.second ? calibrateNoise(control, sideOf(request.second), request.rules) : null;
  return { diff: toStoredDiff(diffSides(control, sideOf(request.candidate), request.rules, noise)), noiseCalibrated: noise !== null };
}

/** In this thread (tests, small sides). */
export const compareHere: Comparer = (request) => Promise.resolve().then(() => compareSides(request));

type Reply = { ok: true; comparison: Comparison } | { ok: false; message: string };

/** A comparer started before the sides run: `compare` once, or `dispose` when there is nothing to compare. */
export interface StartedComparer {
  compare: Comparer;
  dispose(): void;
}

/** In this thread: nothing to start. */
export const startHere = (): StartedComparer => ({ compare: compareHere, dispose: () => undefined });

/**
 * In a worker thread of its own (compare-worker.ts), so a large diff never blocks the main
 * thread: packed sides are handed over without a copy. The worker is started when the shadow run
 * starts, so loading it (0.15–0.35 s on a loaded 2-core machine) overlaps the pipelines instead of
 * following them; it ends after its one comparison, or on `dispose`.
 */
export function startCompareWorker(): StartedComparer {
  const worker = spawnWorker(import.meta.url, './compare-worker', null);
  let outcome: { ok: true; comparison: Comparison } | { ok: false; error: Error } | undefined;
  let waiting: { resolve(c: Comparison): void; reject(e: Error): void } | undefined;
  const deliver = (to: NonNullable<typeof waiting>) => (outcome!.ok ? to.resolve(outcome!.comparison) : to.reject(outcome!.error));
  const settle = (result: NonNullable<typeof outcome>) => {
    if (outcome) return;
    outcome = result;
    void worker.terminate();
    if (waiting) deliver(waiting);
  };
  worker.once('message', (reply: Reply) => settle(reply.ok ? reply : { ok: false, error: new HeraldError('SHADOW_COMPARE_FAILED', reply.message) }));
  worker.once('error', (error) => settle({ ok: false, error }));
  worker.once('exit', (code) => settle({ ok: false, error: new HeraldError('SHADOW_COMPARE_FAILED', `The comparison's worker thread exited with code ${code}.`) }));
  return {
    compare: (request) =>
      new Promise<Comparison>((resolve, reject) => {
        waiting = { resolve, reject };
        if (outcome) return deliver(waiting);
        const transfer = [request.control, request.candidate, request.second].flatMap((d) => (d?.kind === 'packed' ? [d.bytes] : []));
        worker.postMessage(request, transfer);
      }),
    dispose: () => settle({ ok: false, error: new HeraldError('SHADOW_COMPARE_FAILED', 'The comparison was given up.') }),
  };
}

/** One comparison in a worker started for it. */
export const compareInWorker: Comparer = (request) => startCompareWorker().compare(request);
