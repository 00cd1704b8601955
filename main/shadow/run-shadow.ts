import fs from 'node:fs';
import os from 'node:os';
import type { EventBus } from '../core/events.js';
import { inTransaction, openDatabase, type Db } from '../db/open.js';
import { whenWritable } from '../jobs/busy.js';
import { loadInputJson } from '../jobs/input-store.js';
import type { PipelineOutput, StateScope } from '../jobs/types.js';
import type { Logger } from '../logging/logger.js';
import type { Clock } from '../shared/clock.js';
import { toHeraldError } from '../shared/errors.js';
import { alertText } from './alerts.js';
import type { DiffSide } from './diff/index.js';
import { runExternalCommand } from './external-command.js';
import { firedTriggers } from './kpi.js';
import { getShadowJob, rollback, setStateHolder, type ModeSnapshot } from './modes.js';
import { insertShadowRun, kpiRuns, toKpiRun, type NotificationStats, type ShadowRun, type SideSummary, type StoredDiff } from './run-store.js';
import { copyScopedRows, deleteScopedRows, ensureSandbox, replaceScopedRows, sandboxFile, scratchCopy, withAttached } from './sandbox.js';
import { startHere, type Comparison, type SideData, type StartedComparer } from './compare.js';
import type { PackedOutput } from './packed-side.js';
import type { SideError, SideRunner } from './sides/types.js';

const DAY_MS = 86_400_000;

/** What shadow mode needs from the core; the runner passes it (see README). */
export interface ShadowContext {
  db: Db;
  clock: Clock;
  sandboxDir: string;
  sides: SideRunner;
  events?: Pick<EventBus, 'emit' | 'invalidate'>;
  notificationStats?: NotificationStats;
  log?: Logger;
  language?: 'zh-CN' | 'en';
  /** Recorded with the figures; defaults to this machine's. */
  cores?: number;
  /** Where the diff is computed: this thread by default, a worker of its own in Herald (startCompareWorker), started with the sides. */
  startComparer?: () => StartedComparer;
  /** The rows a pipeline keeps its state in for a job (its PipelineSpec's `stateScope`). */
  stateScopes?: (jobId: string, pipelineId: string) => readonly StateScope[];
}

export interface RunRequest {
  jobId: string;
  runId: number | null;
  /** The input snapshot by value … */
  input?: unknown;
  /** … or by reference to the live store's `run_inputs` (the runner's way: each worker reads it itself). */
  inputRef?: string;
  scheduledAt: Date;
  settings: Record<string, unknown>;
  signal?: AbortSignal;
}

/** One side as it ran. `external` sides print a DiffSide; Herald enqueues nothing for them. */
export interface SideOutcome {
  pipelineId: string;
  store: 'live' | 'sandbox' | 'external';
  output?: PipelineOutput;
  /** The output as the side's worker packed it (the runner's sides). */
  packed?: PackedOutput;
  side?: DiffSide;
  error?: SideError;
  timedOut: boolean;
  durationMs: number;
  peakMemoryBytes: number | null;
}

export interface ExecuteResult {
  mode: ModeSnapshot['mode'];
  /** The side whose result counts: what the runner records as the run's outcome. */
  live: SideOutcome;
  /**
   * Settles once the other side, the diff and the KPIs are stored (null in control mode or when
   * storing failed — logged). Never rejects; the run does not wait for it.
   */
  comparison: Promise<ShadowRun | null>;
}

function toSideError(err: unknown): SideError {
  const e = toHeraldError(err, 'SHADOW_SIDE_FAILED');
  return { code: e.code, message: e.message };
}

interface Where {
  store: 'live' | 'sandbox';
  file?: string;
  /** The live side of a run that compares nothing need not hand its output back. */
  output?: false;
}

/** The snapshot for an external command: its stored JSON text when the runner passes it by reference. */
async function commandInput(ctx: ShadowContext, req: RunRequest): Promise<{ input: unknown; inputJson?: string }> {
  if (req.input !== undefined || req.inputRef === undefined) return { input: req.input };
  return { input: undefined, inputJson: await loadInputJson(ctx.db, req.inputRef) };
}

function runOne(ctx: ShadowContext, snap: ModeSnapshot, req: RunRequest, pipelineId: string, where: Where, signal: AbortSignal): Promise<SideOutcome> {
  const started = performance.now();
  const failed = (err: unknown, store: SideOutcome['store']): SideOutcome => ({
    pipelineId,
    store,
    error: toSideError(err),
    timedOut: false,
    durationMs: performance.now() - started,
    peakMemoryBytes: null,
  });
  const external = snap.config.externalCommands[pipelineId];
  if (external) {
    return commandInput(ctx, req)
      .then((input) => runExternalCommand({ jobId: req.jobId, runId: req.runId, pipelineId, command: external, ...input, scheduledAt: req.scheduledAt, signal }))
      .then(
        (r): SideOutcome => ({ pipelineId, store: 'external', side: r.side, timedOut: false, durationMs: r.durationMs, peakMemoryBytes: null }),
        (err: unknown) => failed(err, 'external'),
      );
  }
  return ctx
    .sides({
      jobId: req.jobId,
      runId: req.runId,
      pipelineId,
      store: where.store,
      ...(where.file ? { sandboxFile: where.file } : {}),
      ...(where.output === false ? { output: false } : {}),
      input: req.input,
      ...(req.inputRef !== undefined ? { inputRef: req.inputRef } : {}),
      scheduledAt: req.scheduledAt,
      settings: req.settings,
      signal,
    })
    .then(
      (r): SideOutcome => ({
        pipelineId,
        store: where.store,
        ...(r.output ? { output: r.output } : {}),
        ...(r.packed ? { packed: r.packed } : {}),
        ...(r.error ? { error: r.error } : {}),
        timedOut: false,
        durationMs: r.durationMs,
        peakMemoryBytes: r.peakMemoryBytes,
      }),
      (err: unknown) => failed(err, where.store),
    );
}

/** A side that does not count is given up after `ms`: its worker is told to stop, the run goes on. */
function giveUpAfter(ms: number, controller: AbortController, pipelineId: string, store: SideOutcome['store'], running: Promise<SideOutcome>): Promise<SideOutcome> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      controller.abort();
      resolve({ pipelineId, store, timedOut: true, durationMs: ms, peakMemoryBytes: null, error: { code: 'SHADOW_SIDE_TIMEOUT', message: `${pipelineId} did not finish within ${ms} ms and was given up.` } });
    }, ms);
    void running.then((r) => {
      clearTimeout(timer);
      resolve(r);
    });
  });
}

/**
 * When another pipeline goes live than the one whose state the live store holds (a promotion, a
 * rollback), the state changes hands — by scope, so only this job's rows move:
 *
 * 1. the previous holder's rows are copied from live into its sandbox (it goes on from there when
 *    it verifies beside the new live pipeline, or when it goes live again);
 * 2. in one live transaction: the previous holder's rows leave the live store, the new holder's
 *    come in from its sandbox, and the state holder is recorded.
 *
 * A pipeline that never ran in a sandbox starts from the live store as it is. A crash between the
 * steps repeats step 1 at the next run (the holder did not change). Runs of one job never
 * overlap, so nothing else writes these rows meanwhile.
 */
function handOverState(ctx: ShadowContext, snap: ModeSnapshot, jobId: string, livePipeline: string): void {
  const previous = getShadowJob(ctx.db, jobId)?.stateHolder ?? snap.stateHolder;
  if (previous === livePipeline) return;
  const scopesOf = (p: string) => (p in snap.config.externalCommands ? [] : (ctx.stateScopes?.(jobId, p) ?? []));
  const outgoing = scopesOf(previous);
  if (outgoing.length) {
    const sandbox = openDatabase(ensureSandbox(sandboxFile(ctx.sandboxDir, jobId, previous)));
    try {
      copyScopedRows(sandbox, ctx.db.name, outgoing);
    } finally {
      sandbox.close();
    }
  }
  const incoming = scopesOf(livePipeline);
  const file = sandboxFile(ctx.sandboxDir, jobId, livePipeline);
  const record = () => setStateHolder(ctx.db, jobId, livePipeline);
  if (incoming.length && fs.existsSync(file)) {
    withAttached(ctx.db, file, () =>
      inTransaction(ctx.db, () => {
        deleteScopedRows(ctx.db, outgoing);
        replaceScopedRows(ctx.db, incoming);
        record();
      }),
    );
  } else record();
  ctx.log?.info('Pipeline state handed over', { jobId, from: previous, to: livePipeline });
}

function dataOf(o: SideOutcome): SideData {
  if (o.packed) return { kind: 'packed', bytes: o.packed.bytes };
  if (o.output) return { kind: 'output', output: o.output };
  return { kind: 'side', side: o.side ?? { records: [], messages: [] } };
}

function sizeOf(o: SideOutcome): { records: number; messages: number } {
  if (o.packed) return o.packed;
  const side = o.output ?? o.side;
  return { records: side?.records.length ?? 0, messages: side?.messages.length ?? 0 };
}

function summary(o: SideOutcome | null): SideSummary | null {
  if (!o) return null;
  const side = o.error ? null : sizeOf(o);
  return {
    pipelineId: o.pipelineId,
    store: o.store,
    durationMs: o.durationMs,
    peakMemoryBytes: o.peakMemoryBytes,
    error: o.error ?? null,
    timedOut: o.timedOut,
    records: side?.records ?? 0,
    messages: side?.messages ?? 0,
  };
}

/**
 * Runs one run of a job in the mode of the snapshot the runner took when the run started:
 *
 * - `control`: the control pipeline, live.
 * - `shadow`: the control live and the candidate in its sandbox, in parallel, on the same input
 *   and scheduled time; the control's result is the run's result.
 * - `candidate`: the candidate live; with `verifyAfterPromotion` the control keeps running in its
 *   sandbox (or as its command) beside it, so a difference still raises the alarm.
 *
 * The side that does not count can fail or time out without touching the run. With noise
 * calibration the control runs a second time on a throw-away copy of its store.
 */
export async function executeRun(ctx: ShadowContext, snap: ModeSnapshot, req: RunRequest): Promise<ExecuteResult> {
  const runSignal = req.signal ?? new AbortController().signal;
  if (snap.mode === 'control' || snap.candidatePipeline === null) {
    await whenWritable(ctx.db, () => handOverState(ctx, snap, req.jobId, snap.controlPipeline));
    const live = await runOne(ctx, snap, req, snap.controlPipeline, { store: 'live', output: false }, runSignal);
    return { mode: 'control', live, comparison: Promise.resolve(null) };
  }
  const startedMs = ctx.clock.now();
  const control = snap.controlPipeline;
  const candidate = snap.candidatePipeline;
  const liveSide = snap.mode === 'shadow' ? 'control' : 'candidate';
  const compare = snap.mode === 'shadow' || snap.config.verifyAfterPromotion;
  const isExternal = (p: string) => p in snap.config.externalCommands;
  // The side runner creates and migrates a sandbox in the side's own thread.
  fs.mkdirSync(ctx.sandboxDir, { recursive: true });
  const sandboxOf = (p: string) => sandboxFile(ctx.sandboxDir, req.jobId, p);
  await whenWritable(ctx.db, () => handOverState(ctx, snap, req.jobId, liveSide === 'control' ? control : candidate));

  const offside = (pipelineId: string, where: Where): Promise<SideOutcome> => {
    const controller = new AbortController();
    const cancel = () => controller.abort();
    runSignal.addEventListener('abort', cancel, { once: true });
    const store = isExternal(pipelineId) ? 'external' : where.store;
    return giveUpAfter(snap.config.sideTimeoutMs, controller, pipelineId, store, runOne(ctx, snap, req, pipelineId, where, controller.signal)).finally(() =>
      runSignal.removeEventListener('abort', cancel),
    );
  };

  // The copy for the second control run is taken before anything runs: both control runs start
  // from the same state, and the second one's writes land in the copy only.
  const calibrate = compare && snap.config.noiseCalibration;
  const scratch = calibrate && !isExternal(control) ? scratchCopy(liveSide === 'control' ? ctx.db : sandboxOf(control), ctx.stateScopes?.(req.jobId, control) ?? []) : null;
  // The live side starts first: what the run waits for should not queue behind the sandbox's set-up.
  const running = runOne(ctx, snap, req, liveSide === 'control' ? control : candidate, { store: 'live', ...(compare ? {} : { output: false as const }) }, runSignal);
  const otherPipeline = liveSide === 'control' ? candidate : control;
  const other = compare ? offside(otherPipeline, { store: 'sandbox', ...(isExternal(otherPipeline) ? {} : { file: sandboxOf(otherPipeline) }) }) : null;
  const second = calibrate ? offside(control, { store: 'sandbox', ...(scratch ? { file: scratch.file } : {}) }) : null;
  const comparer = compare ? (ctx.startComparer ?? startHere)() : null;
  const live = await running;

  const comparison = (async () => {
    const [otherOutcome, secondOutcome] = await Promise.all([other, second]);
    const outcomes: Outcomes = { startedMs, liveSide, live, other: otherOutcome, second: secondOutcome };
    const diff = await compared(comparer, snap, outcomes);
    return whenWritable(ctx.db, () => record(ctx, snap, req, outcomes, diff));
  })()
    .catch((err: unknown) => {
      ctx.log?.error('Shadow comparison could not be stored', { jobId: req.jobId, runId: req.runId, error: (err as Error).message });
      return null;
    })
    .finally(() => {
      comparer?.dispose();
      scratch?.dispose();
    });
  return { mode: snap.mode, live, comparison };
}

interface Outcomes {
  startedMs: number;
  liveSide: 'control' | 'candidate';
  live: SideOutcome;
  other: SideOutcome | null;
  second: SideOutcome | null;
}

const controlOf = (o: Outcomes) => (o.liveSide === 'control' ? o.live : o.other);
const candidateOf = (o: Outcomes) => (o.liveSide === 'candidate' ? o.live : o.other);

/** The diff of a run where both sides succeeded (and the noise, when the control ran twice). */
async function compared(comparer: StartedComparer | null, snap: ModeSnapshot, o: Outcomes): Promise<Comparison | { diff: null; noiseCalibrated: false }> {
  const controlOutcome = controlOf(o);
  const candidateOutcome = candidateOf(o);
  if (!comparer || !controlOutcome || !candidateOutcome || controlOutcome.error || candidateOutcome.error) return { diff: null, noiseCalibrated: false };
  const second = o.second && !o.second.error ? dataOf(o.second) : null;
  return comparer.compare({ rules: snap.config.diff, control: dataOf(controlOutcome), candidate: dataOf(candidateOutcome), second });
}

/** Stores the comparison, fires the rollback triggers and — on a live candidate with autoRollback — rolls back, in one transaction. */
function record(ctx: ShadowContext, snap: ModeSnapshot, req: RunRequest, o: Outcomes, { diff, noiseCalibrated }: { diff: StoredDiff | null; noiseCalibrated: boolean }): ShadowRun {
  const controlOutcome = controlOf(o);
  const candidateOutcome = candidateOf(o);
  const now = ctx.clock.now();
  const base = {
    jobId: req.jobId,
    runId: req.runId,
    mode: snap.mode as 'shadow' | 'candidate',
    liveSide: o.liveSide,
    controlPipeline: snap.controlPipeline,
    candidatePipeline: snap.candidatePipeline!,
    scheduledAt: req.scheduledAt.toISOString(),
    startedMs: o.startedMs,
    finishedAt: new Date(now).toISOString(),
    cores: ctx.cores ?? os.availableParallelism(),
    control: summary(controlOutcome),
    candidate: summary(candidateOutcome),
    diff,
    noiseCalibrated,
  };
  const latest = toKpiRun({ ...base, id: -1, consistency: diff?.consistency ?? null, consistent: diff ? diff.consistent : null }, ctx.notificationStats);
  const earlier = kpiRuns(ctx.db, req.jobId, now - snap.config.windowDays * DAY_MS, ctx.notificationStats);
  const triggers = firedTriggers(latest, [...earlier, latest], now, snap.config);

  const { stored, rolledBack } = inTransaction(ctx.db, () => {
    // Only a live candidate is rolled back: in shadow mode the control already counts.
    const rollingBack = triggers.length > 0 && snap.config.autoRollback && o.liveSide === 'candidate' && getShadowJob(ctx.db, req.jobId)?.mode === 'candidate';
    if (rollingBack) rollback(ctx.db, ctx.clock, req.jobId, `automatic: ${triggers.map((t) => t.kind).join(', ')}`, 'automatic', triggers);
    return { stored: insertShadowRun(ctx.db, { ...base, triggers, rolledBack: rollingBack }), rolledBack: rollingBack };
  });
  if (rolledBack) ctx.log?.warn('Candidate rolled back automatically', { jobId: req.jobId, runId: req.runId, triggers: triggers.map((t) => t.kind) });
  if (triggers.length) {
    const text = alertText(req.jobId, triggers, rolledBack ? snap.controlPipeline : null, ctx.language);
    ctx.events?.emit({ type: 'alert', kind: 'shadow-alert', ...text });
    ctx.log?.warn('Shadow rollback trigger fired', { jobId: req.jobId, runId: req.runId, shadowRunId: stored.id, triggers });
  }
  ctx.events?.invalidate('shadow', req.jobId);
  if (rolledBack) ctx.events?.invalidate('jobs', req.jobId);
  return stored;
}
