import type { Worker } from 'node:worker_threads';
import type { Db } from '../db/open.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../logging/logger.js';
import type { MetabaseClient } from '../sources/types.js';
import type { RunStatus } from '../api/contract/jobs.js';
import type { JobDefinition, PipelineJob, TriggerKind } from './types.js';
import type { JobConfigStore } from './job-config.js';
import type { RunEnd, RunError, RunMode, RunProgress, RunStore } from './run-store.js';
import type { WorkerMessage, WorkerRequest } from './worker/protocol.js';
import type { ModeSnapshot } from '../shadow/modes.js';
import type { ExecuteResult } from '../shadow/run-shadow.js';
import type { SideRequest, SideRunner } from '../shadow/sides/types.js';
import { HeraldError, isHeraldError } from '../shared/errors.js';
import type { StoredInput } from './input-store.js';
import { storeInput } from './snapshot-writer.js';
import { startWorkerSession, WorkerExited, WorkerFailure, type WorkerDone } from './worker/session.js';
import { notBuiltError } from './errors.js';
import { RunLog } from './run-log.js';
import { isBusy, whenWritable } from './busy.js';
import { workerSideRunner } from './shadow-sides.js';
import { comparisonWords, livePipeline, plainControl, type RunnerShadow } from './shadow-run.js';

export interface Submission {
  jobId: string;
  kind: TriggerKind;
  scheduledAt: number;
  triggerId?: number;
  eventName?: string;
  /** An input given with the request (manual input, event payload): stored as the run's snapshot. */
  input?: { value: unknown };
  /** An existing snapshot (rerun). */
  inputRef?: string;
  rerunOf?: number;
  /** Part of a run-all catch-up: queued even behind other queued runs. */
  batch?: boolean;
  /** Hold every message of the run to this channel (a dry run: `DRY_RUN`, sending nothing). */
  onlyChannel?: string;
}

export interface RunnerDeps {
  db: Db;
  dbFile: string;
  clock: Clock;
  log: Logger;
  jobs: ReadonlyMap<string, JobDefinition>;
  catalogueModule: string;
  enqueueModule: string;
  metabase: MetabaseClient;
  config: JobConfigStore;
  runs: RunStore;
  maxParallel: number;
  /** A run changed (queued, started, progressed, ended). */
  onChange(jobId: string, runId: number, ended?: RunStatus): void;
  /** Shadow mode; without it every run is a control run of the job's default pipeline. */
  shadow?: RunnerShadow;
}

interface ActiveRun {
  runId: number;
  jobId: string;
  controller: AbortController;
  worker?: Worker;
  stopReason?: StopReason;
  progress?: RunProgress;
  log: RunLog;
  peakHeap: number;
  peakRss: number;
  /** The live side's failure as the worker described it (stack, context), for the run's record. */
  liveError?: unknown;
  done: Promise<void>;
}

type StopReason = 'cancelled' | 'timed-out' | 'interrupted';

/** An input given with a request, once stored — or why it could not be (the run fails with that). */
type GivenInput = StoredInput | { error: unknown };

/** A stop the runner asked for, carried through the awaits of a run to its end. */
class RunStopped extends Error {}

const RSS_SAMPLE_MS = 200;

function asRunError(err: unknown): RunError {
  if (isHeraldError(err)) return { code: err.code, message: err.message, context: { ...err.context }, ...(err.stack ? { stack: err.stack } : {}) };
  if (err instanceof Error) return { code: 'RUN_FAILED', message: err.message, ...(err.stack ? { stack: err.stack } : {}) };
  if (typeof err === 'object' && err && 'code' in err && 'message' in err) return err as RunError;
  return { code: 'RUN_FAILED', message: String(err) };
}

function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new RunStopped());
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/**
 * Runs jobs: never two runs of one job at once (a firing while it runs is queued — at most one —
 * or skipped, per the job's overlap policy), different jobs in parallel up to `maxParallel`, each
 * pipeline in its own worker thread. Every run ends with a status, also when cancelled, timed out
 * or cut short by Herald stopping.
 */
export class JobRunner {
  private readonly queues = new Map<string, number[]>();
  private readonly active = new Map<string, ActiveRun>();
  /** Runs whose messages are held to one channel, until they start. */
  private readonly heldTo = new Map<number, string>();
  /** Inputs given with a request, stored (off the main thread) for runs that have not started. */
  private readonly inputs = new Map<number, Promise<GivenInput>>();
  /** Those still being stored: Herald's stop waits for them, since they write to the database. */
  private readonly storing = new Set<Promise<GivenInput>>();
  private stopped = false;

  /**
   * Shadow mode's side runner (wired with `wireShadow`): the live side of a run is the run itself,
   * the other side runs on its sandbox in a worker of its own.
   */
  readonly sides: SideRunner;

  constructor(private readonly deps: RunnerDeps) {
    this.sides = workerSideRunner({
      live: (req) => this.liveSide(req),
      request: (req) => ({
        dbFile: deps.dbFile,
        catalogueModule: deps.catalogueModule,
        enqueueModule: deps.enqueueModule,
        jobId: req.jobId,
        pipelineId: req.pipelineId,
        runId: req.runId ?? 0,
        scheduledAt: req.scheduledAt.getTime(),
        settings: req.settings,
        inputRef: req.inputRef,
        sandboxFile: req.sandboxFile,
        returnOutput: req.output !== false,
      }),
      log: (req, line) => this.activeRun(req.runId)?.log.write(line.level, `[${req.pipelineId} ${req.store}] ${line.message}`, line.context, line.at),
    });
  }

  /** Records a run (queued or skipped) and starts it when its job and a slot are free. Synchronous: safe inside a claim's transaction. */
  submit(s: Submission): { runId: number; status: 'queued' | 'skipped' } {
    const { runs, clock, db, dbFile } = this.deps;
    const job = this.deps.config.definition(s.jobId);
    const queue = this.queues.get(s.jobId) ?? [];
    const running = this.active.get(s.jobId);
    const explicit = s.kind === 'manual' || s.kind === 'rerun' || s.batch === true;
    const free = !running && queue.length === 0;
    const queueOne = job.options.overlap === 'queue-one' && queue.length === 0;
    const base = { jobId: s.jobId, kind: s.kind, scheduledAt: s.scheduledAt, triggerId: s.triggerId, eventName: s.eventName, rerunOf: s.rerunOf };
    if (!explicit && !free && !queueOne) {
      const busy = running ? `run #${running.runId} was still running` : `run #${queue[0]} was waiting to start`;
      const message = `Skipped: ${busy}${running && queue.length ? ' and another run was already queued' : ''}.`;
      const runId = runs.insert({ ...base, status: 'skipped', error: { code: 'OVERLAP_SKIPPED', message } }, clock.now());
      this.deps.onChange(s.jobId, runId, 'skipped');
      return { runId, status: 'skipped' };
    }
    // A small input is stored here, in the caller's transaction; a big one while the run waits.
    const stored = !s.inputRef && s.input ? storeInput(db, dbFile, s.input.value, clock.now()) : undefined;
    const runId = runs.insert({ ...base, status: 'queued', inputRef: s.inputRef ?? (stored instanceof Promise ? undefined : stored?.ref) }, clock.now());
    if (stored instanceof Promise) {
      const given = this.givenInputStored(runId, stored);
      this.inputs.set(runId, given);
      this.storing.add(given);
      void given.finally(() => this.storing.delete(given));
    }
    if (s.onlyChannel) this.heldTo.set(runId, s.onlyChannel);
    queue.push(runId);
    this.queues.set(s.jobId, queue);
    this.deps.onChange(s.jobId, runId);
    setImmediate(() => this.pump());
    return { runId, status: 'queued' };
  }

  /**
   * A big input given with a request, stored while the run waits for its turn (100,000 rows take
   * seconds to serialise and compress: never inside `submit`). The run keeps its ref, started or
   * not, so it can be rerun with the same input.
   */
  private async givenInputStored(runId: number, storing: Promise<StoredInput>): Promise<GivenInput> {
    try {
      const stored = await storing;
      await whenWritable(this.deps.db, () => this.deps.runs.setInput(runId, stored.ref));
      return stored;
    } catch (error) {
      return { error };
    }
  }

  /** Cancels a queued run at once; a running one is aborted (its transaction rolls back). */
  cancel(runId: number): RunStatus {
    for (const [jobId, queue] of this.queues) {
      const i = queue.indexOf(runId);
      if (i < 0) continue;
      queue.splice(i, 1);
      this.heldTo.delete(runId);
      this.inputs.delete(runId);
      this.deps.runs.finish(runId, { status: 'cancelled', error: { code: 'CANCELLED', message: 'Cancelled before it started.' } }, this.deps.clock.now());
      this.deps.onChange(jobId, runId, 'cancelled');
      return 'cancelled';
    }
    const active = [...this.active.values()].find((a) => a.runId === runId);
    if (!active) {
      const row = this.deps.runs.get(runId);
      if (!row) throw new HeraldError('RUN_NOT_FOUND', `There is no run #${runId}.`, { runId });
      throw new HeraldError('RUN_NOT_ACTIVE', `Run #${runId} has already ended (${row.status}).`, { runId, status: row.status });
    }
    this.stopRun(active, 'cancelled');
    return 'running';
  }

  running(jobId: string): { runId: number; progress: RunProgress | null } | undefined {
    const a = this.active.get(jobId);
    return a ? { runId: a.runId, progress: a.progress ?? null } : undefined;
  }

  /** The live progress of a running run (progress is stored when the run ends). */
  progressOf(runId: number): RunProgress | undefined {
    return [...this.active.values()].find((a) => a.runId === runId)?.progress;
  }

  queued(jobId: string): number {
    return this.queues.get(jobId)?.length ?? 0;
  }

  /** Queued runs end as interrupted; running ones are stopped (their transactions roll back). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.heldTo.clear();
    this.inputs.clear();
    const now = this.deps.clock.now();
    for (const [jobId, queue] of this.queues) {
      for (const runId of queue.splice(0)) {
        this.deps.runs.finish(runId, { status: 'interrupted', error: { code: 'INTERRUPTED', message: 'Herald stopped before this run started.' } }, now);
        this.deps.onChange(jobId, runId, 'interrupted');
      }
    }
    const running = [...this.active.values()];
    for (const a of running) this.stopRun(a, 'interrupted');
    await Promise.all([...running.map((a) => a.done), ...this.storing]);
  }

  private pump(): void {
    if (this.stopped) return;
    while (this.active.size < this.deps.maxParallel) {
      let next: { jobId: string; runId: number } | undefined;
      for (const [jobId, queue] of this.queues) {
        const head = queue[0];
        if (head !== undefined && !this.active.has(jobId) && (!next || head < next.runId)) next = { jobId, runId: head };
      }
      if (!next) return;
      this.queues.get(next.jobId)!.shift();
      this.start(next.jobId, next.runId);
    }
  }

  private start(jobId: string, runId: number): void {
    const { clock, log } = this.deps;
    const active: ActiveRun = {
      runId,
      jobId,
      controller: new AbortController(),
      log: new RunLog(log.child(jobId), runId, () => clock.now()),
      peakHeap: 0,
      peakRss: process.memoryUsage.rss(),
      done: Promise.resolve(),
    };
    this.active.set(jobId, active);
    active.done = this.execute(active)
      .catch((err: unknown) => log.error('Run bookkeeping failed', { jobId, runId, error: (err as Error).stack ?? String(err) }))
      .finally(() => {
        this.active.delete(jobId);
        setImmediate(() => this.pump());
      });
  }

  private stopRun(active: ActiveRun, reason: StopReason): void {
    if (active.stopReason) return;
    active.stopReason = reason;
    active.controller.abort(new RunStopped(reason));
    void active.worker?.terminate();
  }

  private async execute(active: ActiveRun): Promise<void> {
    const { runs, clock, config } = this.deps;
    const job = config.definition(active.jobId);
    const body = job.body.kind === 'pipeline' ? (job.body as PipelineJob<unknown>) : undefined;
    const row = runs.get(active.runId)!;
    const onlyChannel = this.heldTo.get(active.runId);
    this.heldTo.delete(active.runId);
    const given = this.inputs.get(active.runId);
    this.inputs.delete(active.runId);
    const started = performance.now();
    // The mode is taken when the run starts and kept to its end, whatever is switched meanwhile. A
    // mode that cannot be read (invalid shadow settings) fails the run, saying why.
    let modeError: unknown;
    const snapshot = await whenWritable(this.deps.db, () => {
      let snap: ModeSnapshot | undefined;
      try {
        snap = body && this.deps.shadow ? this.deps.shadow.modeFor(active.jobId, body.defaultPipeline) : undefined;
      } catch (err) {
        if (isBusy(err)) throw err;
        modeError = err;
      }
      const mode: RunMode | null = snap?.mode ?? (body && !modeError ? 'control' : null);
      runs.markRunning(active.runId, clock.now(), snap ? livePipeline(snap) : (body?.defaultPipeline ?? null), mode);
      return snap;
    });
    this.deps.onChange(active.jobId, active.runId);
    const timeout = setTimeout(() => this.stopRun(active, 'timed-out'), job.options.timeoutMs);
    const sampler = setInterval(() => (active.peakRss = Math.max(active.peakRss, process.memoryUsage.rss())), RSS_SAMPLE_MS);
    sampler.unref();
    let end: RunEnd;
    let shadow: ExecuteResult | undefined;
    try {
      if (!body) throw notBuiltError(job);
      if (modeError) throw modeError;
      const settings = config.runSettings(active.jobId);
      if (onlyChannel) active.log.write('info', `Dry run: every message of this run goes to ${onlyChannel} (nothing is sent)`);
      const inputRef = row.input_ref ?? (given ? await this.givenInput(active, given) : await this.fetchInput(active, body, row.scheduled_at, settings));
      const request = { jobId: active.jobId, runId: active.runId, scheduledAt: row.scheduled_at, settings, inputRef, ...(onlyChannel ? { onlyChannel } : {}) };
      if (!snapshot || plainControl(snapshot)) await this.inWorker(active, { ...request, pipelineId: snapshot?.controlPipeline ?? body.defaultPipeline });
      else shadow = await this.shadowRun(active, snapshot, request);
      end = { status: 'succeeded' };
    } catch (err) {
      end = active.stopReason ? this.stopEnd(active.stopReason, job) : { status: 'failed', error: asRunError(err) };
    } finally {
      clearTimeout(timeout);
      clearInterval(sampler);
    }
    // A cancel or timeout that arrived after the transaction committed is too late: the run happened.
    if (end.status !== 'succeeded' && runs.get(active.runId)?.committed_at) end = { status: 'succeeded' };
    if (end.error) active.log.write(end.status === 'failed' ? 'error' : 'warn', end.error.message, { code: end.error.code });
    if (end.error?.stack) active.log.toFileOnly('error', 'Stack of the run error', { stack: end.error.stack });
    else if (end.status === 'succeeded') active.log.write('info', 'Run succeeded');
    const durationMs = Math.round(performance.now() - started);
    await this.finish(active, { ...end, durationMs });
    // The job stays busy until the other side is compared and stored: the next run's sandbox side
    // starts from this one's state. The run itself has ended; its result stands either way.
    if (shadow) {
      const compared = await shadow.comparison;
      if (compared) active.log.write('info', comparisonWords(compared), { shadowRunId: compared.id, consistency: compared.consistency });
      const { firstSeq, lines } = active.log.drain();
      await whenWritable(this.deps.db, () => runs.appendLogs(active.runId, firstSeq, lines));
    }
  }

  private async finish(active: ActiveRun, end: RunEnd): Promise<void> {
    const { runs, clock } = this.deps;
    const { firstSeq, lines } = active.log.drain();
    await whenWritable(this.deps.db, () =>
      this.deps.db.transaction(() => {
        runs.finish(
          active.runId,
          { ...end, warnings: active.log.warnings, peakRssBytes: active.peakRss, ...(active.peakHeap ? { peakHeapBytes: active.peakHeap } : {}), ...(active.progress ? { progress: active.progress } : {}) },
          clock.now(),
        );
        runs.appendLogs(active.runId, firstSeq, lines);
      })(),
    );
    this.deps.onChange(active.jobId, active.runId, end.status);
  }

  /**
   * A run in shadow or candidate mode (or one that hands state over first): shadow mode runs the
   * sides; the live one comes back through `sides` to `liveSide`, i.e. this run's worker.
   */
  private async shadowRun(active: ActiveRun, snapshot: ModeSnapshot, request: { jobId: string; runId: number; scheduledAt: number; settings: Record<string, unknown>; inputRef: string }): Promise<ExecuteResult> {
    const { mode, controlPipeline, candidatePipeline } = snapshot;
    active.log.write('info', `Mode ${mode}: ${livePipeline(snapshot)} is live`, { mode, control: controlPipeline, candidate: candidatePipeline });
    const result = await this.deps.shadow!.execute(snapshot, { ...request, scheduledAt: new Date(request.scheduledAt), signal: active.controller.signal });
    const { live } = result;
    if (live.error) {
      throw active.liveError ?? new HeraldError(live.error.code, live.error.message, { jobId: active.jobId, runId: active.runId, pipeline: live.pipelineId });
    }
    if (live.side) {
      // An external command is live (v1 as control): it did the delivering; Herald enqueues nothing.
      const { records, messages } = live.side;
      await whenWritable(this.deps.db, () => this.deps.runs.recordExternal(active.runId, { records: records.length, messages: messages.length }, this.deps.clock.now()));
      active.log.write('info', `${live.pipelineId} (external command) printed ${records.length} records and ${messages.length} messages; Herald sent nothing`);
    }
    return result;
  }

  /** The live side of a shadow-mode run: this run's worker, exactly as a control run. */
  private async liveSide(req: SideRequest): Promise<WorkerDone> {
    const active = this.activeRun(req.runId);
    if (!active || !req.inputRef) throw new HeraldError('RUN_NOT_ACTIVE', `Run #${req.runId ?? '?'} is not running, so its live side cannot start.`, { runId: req.runId ?? null });
    try {
      return await this.inWorker(active, {
        jobId: req.jobId,
        runId: active.runId,
        pipelineId: req.pipelineId,
        scheduledAt: req.scheduledAt.getTime(),
        settings: req.settings,
        inputRef: req.inputRef,
        returnOutput: req.output !== false,
      });
    } catch (err) {
      active.liveError = err;
      throw err;
    }
  }

  private activeRun(runId: number | null): ActiveRun | undefined {
    return [...this.active.values()].find((a) => a.runId === runId);
  }

  private stopEnd(reason: StopReason, job: JobDefinition): RunEnd {
    const messages: Record<StopReason, string> = {
      cancelled: 'Cancelled by request; nothing the run would have written was kept.',
      'timed-out': `The run took longer than its limit of ${Math.round(job.options.timeoutMs / 1000)} s and was stopped; nothing it would have written was kept.`,
      interrupted: 'Herald stopped during this run; nothing it would have written was kept.',
    };
    const codes: Record<StopReason, string> = { cancelled: 'CANCELLED', 'timed-out': 'TIMED_OUT', interrupted: 'INTERRUPTED' };
    return { status: reason, error: { code: codes[reason], message: messages[reason], context: { jobId: job.id } } };
  }

  private async givenInput(active: ActiveRun, given: Promise<GivenInput>): Promise<string> {
    const stored = await untilAborted(given, active.controller.signal);
    if ('error' in stored) throw stored.error;
    return stored.ref;
  }

  /** fetchInput on the main thread (async I/O), then the snapshot every pipeline run reads back. */
  private async fetchInput(active: ActiveRun, body: PipelineJob<unknown>, scheduledAt: number, settings: Record<string, unknown>): Promise<string> {
    const { controller, log } = active;
    log.write('info', 'Fetching input');
    const value = await untilAborted(
      body.fetchInput({ jobId: active.jobId, runId: active.runId, scheduledAt: new Date(scheduledAt), settings, signal: controller.signal, log: log.logger(), metabase: this.deps.metabase }),
      controller.signal,
    );
    const stored = await storeInput(this.deps.db, this.deps.dbFile, value, this.deps.clock.now());
    await whenWritable(this.deps.db, () => this.deps.runs.setInput(active.runId, stored.ref));
    log.write('info', 'Input snapshot stored', { inputRef: stored.ref, sizeBytes: stored.sizeBytes });
    return stored.ref;
  }

  private async inWorker(active: ActiveRun, request: Omit<WorkerRequest, 'dbFile' | 'catalogueModule' | 'enqueueModule'>): Promise<WorkerDone> {
    if (active.stopReason) throw new RunStopped();
    const { dbFile, catalogueModule, enqueueModule } = this.deps;
    const { worker, done } = startWorkerSession({ ...request, dbFile, catalogueModule, enqueueModule }, (m) => this.onWorkerMessage(active, request.pipelineId, m));
    active.worker = worker;
    try {
      return await done;
    } catch (err) {
      if (err instanceof WorkerFailure) throw err.failed.error;
      if (err instanceof WorkerExited) {
        throw active.stopReason ? new RunStopped() : new HeraldError('WORKER_EXITED', `The run's worker thread stopped unexpectedly (exit code ${err.exitCode}).`, { runId: active.runId });
      }
      throw err;
    } finally {
      active.worker = undefined;
    }
  }

  private onWorkerMessage(active: ActiveRun, pipelineId: string, m: WorkerMessage): void {
    switch (m.type) {
      case 'started':
        active.log.write('info', `Pipeline ${pipelineId} started in a worker thread`);
        break;
      case 'progress':
        active.progress = { done: m.done, ...(m.total !== undefined ? { total: m.total } : {}), ...(m.step !== undefined ? { step: m.step } : {}) };
        active.peakHeap = Math.max(active.peakHeap, m.heapUsed);
        active.peakRss = Math.max(active.peakRss, m.rss);
        this.deps.onChange(active.jobId, active.runId);
        break;
      case 'log':
        if (m.warning) active.log.warn(m.message, m.context, m.at);
        else active.log.write(m.level, m.message, m.context, m.at);
        break;
      case 'done':
        active.peakHeap = Math.max(active.peakHeap, m.peakHeapBytes);
        active.peakRss = Math.max(active.peakRss, m.rss);
        break;
      case 'failed':
        active.peakHeap = Math.max(active.peakHeap, m.peakHeapBytes);
        break;
    }
  }
}
