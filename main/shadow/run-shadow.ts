import fs from 'node:fs';
import os from 'node:os';
import type { EventBus } from '../core/events.js';
import { openDatabase, type Db } from '../db/open.js';
import type { PipelineOutput } from '../jobs/types.js';
import type { Logger } from '../logging/logger.js';
import type { Clock } from '../shared/clock.js';
import { toHeraldError } from '../shared/errors.js';
import { alertText } from './alerts.js';
import { calibrateNoise, diffSides, type DiffSide, type ShadowDiff } from './diff/index.js';
import { runExternalCommand } from './external-command.js';
import { firedTriggers } from './kpi.js';
import { getShadowJob, rollback, setStateHolder, type ModeSnapshot } from './modes.js';
import { insertShadowRun, kpiRuns, toKpiRun, type NotificationStats, type ShadowRun, type SideSummary } from './run-store.js';
import { copyTables, ensureSandbox, sandboxFile, scratchCopy } from './sandbox.js';
import { pipelineOutputToSide } from './side-output.js';
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
  /** The tables a pipeline keeps its state in (its PipelineSpec's `stateTables`). */
  stateTables?: (jobId: string, pipelineId: string) => readonly string[];
}

export interface RunRequest {
  jobId: string;
  runId: number | null;
  input: unknown;
  scheduledAt: Date;
  settings: Record<string, unknown>;
  signal?: AbortSignal;
}

/** One side as it ran. `external` sides print a DiffSide; Herald enqueues nothing for them. */
export interface SideOutcome {
  pipelineId: string;
  store: 'live' | 'sandbox' | 'external';
  output?: PipelineOutput;
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
    return runExternalCommand({ jobId: req.jobId, runId: req.runId, pipelineId, command: external, input: req.input, scheduledAt: req.scheduledAt, signal }).then(
      (r) => ({ pipelineId, store: 'external', side: r.side, timedOut: false, durationMs: r.durationMs, peakMemoryBytes: null }),
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
      input: req.input,
      scheduledAt: req.scheduledAt,
      settings: req.settings,
      signal,
    })
    .then(
      (r): SideOutcome => ({
        pipelineId,
        store: where.store,
        ...(r.output ? { output: r.output } : {}),
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
 * rollback), the state tables change hands: the previous holder's move from live into its sandbox
 * (so it can go on verifying from where it was), the new holder's from its sandbox into live. Runs
 * of one job never overlap, so nothing writes these tables meanwhile.
 */
function handOverState(ctx: ShadowContext, snap: ModeSnapshot, jobId: string, livePipeline: string): void {
  const job = getShadowJob(ctx.db, jobId);
  if (!job || job.stateHolder === livePipeline) return;
  const tablesOf = (p: string) => (p in snap.config.externalCommands ? [] : (ctx.stateTables?.(jobId, p) ?? []));
  const previous = job.stateHolder;
  if (tablesOf(previous).length) {
    const sandbox = openDatabase(ensureSandbox(sandboxFile(ctx.sandboxDir, jobId, previous)));
    try {
      copyTables(sandbox, ctx.db.name, tablesOf(previous));
    } finally {
      sandbox.close();
    }
  }
  const file = sandboxFile(ctx.sandboxDir, jobId, livePipeline);
  if (tablesOf(livePipeline).length && fs.existsSync(file)) copyTables(ctx.db, file, tablesOf(livePipeline));
  setStateHolder(ctx.db, jobId, livePipeline);
  ctx.log?.info('Pipeline state handed over', { jobId, from: previous, to: livePipeline });
}

const sideOf = (o: SideOutcome): DiffSide => (o.output ? pipelineOutputToSide(o.output) : (o.side ?? { records: [], messages: [] }));

function summary(o: SideOutcome | null): SideSummary | null {
  if (!o) return null;
  const side = o.error ? null : sideOf(o);
  return {
    pipelineId: o.pipelineId,
    store: o.store,
    durationMs: o.durationMs,
    peakMemoryBytes: o.peakMemoryBytes,
    error: o.error ?? null,
    timedOut: o.timedOut,
    records: side?.records.length ?? 0,
    messages: side?.messages.length ?? 0,
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
    handOverState(ctx, snap, req.jobId, snap.controlPipeline);
    const live = await runOne(ctx, snap, req, snap.controlPipeline, { store: 'live' }, runSignal);
    return { mode: 'control', live, comparison: Promise.resolve(null) };
  }
  const startedMs = ctx.clock.now();
  const control = snap.controlPipeline;
  const candidate = snap.candidatePipeline;
  const liveSide = snap.mode === 'shadow' ? 'control' : 'candidate';
  const compare = snap.mode === 'shadow' || snap.config.verifyAfterPromotion;
  const isExternal = (p: string) => p in snap.config.externalCommands;
  const sandboxOf = (p: string) => ensureSandbox(sandboxFile(ctx.sandboxDir, req.jobId, p));
  handOverState(ctx, snap, req.jobId, liveSide === 'control' ? control : candidate);

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
  const scratch = calibrate && !isExternal(control) ? scratchCopy(liveSide === 'control' ? ctx.db : sandboxOf(control)) : null;
  const otherPipeline = liveSide === 'control' ? candidate : control;
  const other = compare ? offside(otherPipeline, { store: 'sandbox', ...(isExternal(otherPipeline) ? {} : { file: sandboxOf(otherPipeline) }) }) : null;
  const second = calibrate ? offside(control, { store: 'sandbox', ...(scratch ? { file: scratch.file } : {}) }) : null;
  const live = await runOne(ctx, snap, req, liveSide === 'control' ? control : candidate, { store: 'live' }, runSignal);

  const comparison = (async () => {
    const [otherOutcome, secondOutcome] = await Promise.all([other, second]);
    return record(ctx, snap, req, { startedMs, liveSide, live, other: otherOutcome, second: secondOutcome });
  })()
    .catch((err: unknown) => {
      ctx.log?.error('Shadow comparison could not be stored', { jobId: req.jobId, runId: req.runId, error: (err as Error).message });
      return null;
    })
    .finally(() => scratch?.dispose());
  return { mode: snap.mode, live, comparison };
}

interface Outcomes {
  startedMs: number;
  liveSide: 'control' | 'candidate';
  live: SideOutcome;
  other: SideOutcome | null;
  second: SideOutcome | null;
}

function record(ctx: ShadowContext, snap: ModeSnapshot, req: RunRequest, o: Outcomes): ShadowRun {
  const controlOutcome = o.liveSide === 'control' ? o.live : o.other;
  const candidateOutcome = o.liveSide === 'candidate' ? o.live : o.other;
  let diff: ShadowDiff | null = null;
  let noiseCalibrated = false;
  if (controlOutcome && candidateOutcome && !controlOutcome.error && !candidateOutcome.error) {
    const rules = snap.config.diff;
    const noise = o.second && !o.second.error ? calibrateNoise(sideOf(controlOutcome), sideOf(o.second), rules) : null;
    noiseCalibrated = noise !== null;
    diff = diffSides(sideOf(controlOutcome), sideOf(candidateOutcome), rules, noise);
  }
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

  // Only a live candidate is rolled back: in shadow mode the control already counts.
  let rolledBack = false;
  if (triggers.length && snap.config.autoRollback && o.liveSide === 'candidate' && getShadowJob(ctx.db, req.jobId)?.mode === 'candidate') {
    rollback(ctx.db, ctx.clock, req.jobId, `automatic: ${triggers.map((t) => t.kind).join(', ')}`, 'automatic', triggers);
    rolledBack = true;
    ctx.log?.warn('Candidate rolled back automatically', { jobId: req.jobId, runId: req.runId, triggers: triggers.map((t) => t.kind) });
  }
  const stored = insertShadowRun(ctx.db, { ...base, triggers, rolledBack });
  if (triggers.length) {
    const text = alertText(req.jobId, triggers, rolledBack ? snap.controlPipeline : null, ctx.language);
    ctx.events?.emit({ type: 'alert', kind: 'shadow-alert', ...text });
    ctx.log?.warn('Shadow rollback trigger fired', { jobId: req.jobId, runId: req.runId, shadowRunId: stored.id, triggers });
  }
  ctx.events?.invalidate('shadow', req.jobId);
  if (rolledBack) ctx.events?.invalidate('jobs', req.jobId);
  return stored;
}
