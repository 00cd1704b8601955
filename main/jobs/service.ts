import os from 'node:os';
import type { Herald, Service } from '../core/herald.js';
import type { RunStatus } from '../api/contract/jobs.js';
import type { StatusContribution } from '../core/status.js';
import type { JobDefinition } from './types.js';
import type { JobConfigPatch } from './job-config.js';
import { JobConfigStore } from './job-config.js';
import { RunStore } from './run-store.js';
import { JobRunner } from './runner.js';
import { defaultCatalogue } from './catalogue.js';
import { siblingModule, type JobsConfig } from './config.js';
import { createMetabaseClient } from '../sources/client.js';
import { Scheduler, type Firing, type ScheduledJob } from '../triggers/scheduler.js';
import { systemWaker } from '../triggers/waker.js';
import { HeraldError } from '../shared/errors.js';
import { createLogger } from '../logging/logger.js';
import { inputSize } from './input-store.js';
import { listRuns, recentRuns, runLogs, type RunFilter } from './run-queries.js';
import { dailySummaries, pruneRuns } from './retention.js';
import { shanghaiDate } from '../shared/shanghai-time.js';
import { shadowCatalogue } from './shadow-catalogue.js';
import { getModeForRun } from '../shadow/modes.js';
import { executeRun } from '../shadow/run-shadow.js';
import { runNotificationStats } from '../outbox/run-stats.js';
import { shadowContext, wireShadow } from '../shadow/wiring.js';
import { toJobDetail, toJobSummary, toRunDetail, toRunSummary, type JobDetail, type JobState, type JobSummary, type RunDetail, type RunSummary } from './views.js';

const RETENTION_EVERY_MS = 6 * 3_600_000;
const FAILED: readonly RunStatus[] = ['failed', 'timed-out'];

const services = new WeakMap<Herald, JobsService>();

/**
 * Triggers that are not jobs (message templates): the jobs' scheduler keeps their due times,
 * catch-up and single claim, and hands their firings to their owner instead of the runner.
 */
export interface TriggerOwner {
  /** Every scheduler id of the owner starts with it (e.g. `template:`); no job id does. */
  prefix: string;
  /** Its triggers now; "pause all" is applied on top. */
  list(): ScheduledJob[];
  /** Inside the claim's transaction; throwing leaves the due time unclaimed (tried again on the next tick). */
  fire(firings: Firing[]): void;
}

/** The jobs capability of a Herald (for the API handlers, the tray and the CLI). */
export function jobsFor(herald: Herald): JobsService {
  const service = services.get(herald);
  if (!service) throw new HeraldError('JOBS_NOT_READY', 'The job runner is not available in this Herald.');
  return service;
}

/**
 * Jobs as one service: the catalogue and its stored settings, the scheduler that fires triggers,
 * the runner that runs them, run history and its retention, and what the tray, the header and the
 * API see of all that.
 */
export class JobsService implements Service {
  readonly name = 'jobs';
  readonly jobs: ReadonlyMap<string, JobDefinition>;
  readonly config: JobConfigStore;
  readonly runs: RunStore;
  readonly scheduler: Scheduler;
  readonly runner: JobRunner;
  private readonly catalogue: readonly JobDefinition[];
  /** Jobs whose latest ended run failed, for the tray state. */
  private readonly failures = new Map<string, { runId: number; at: number; summary: string }>();
  /** The run each firing became, for callers of fireEvent. */
  private readonly submitted = new WeakMap<Firing, { runId: number; status: RunStatus }>();
  private readonly owners = new Set<TriggerOwner>();
  private started = false;
  private stopStatus: (() => void) | undefined;
  private retentionTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly herald: Herald,
    options: JobsConfig = {},
  ) {
    const catalogue = options.catalogue ?? defaultCatalogue;
    this.catalogue = catalogue.jobs;
    this.jobs = new Map(catalogue.jobs.map((j) => [j.id, j]));
    this.config = new JobConfigStore(herald.db, herald.clock, this.jobs);
    this.runs = new RunStore(herald.db);
    const log = createLogger('jobs');
    this.runner = new JobRunner({
      db: herald.db,
      dbFile: herald.paths.dbFile,
      clock: herald.clock,
      log,
      jobs: this.jobs,
      catalogueModule: catalogue.module,
      enqueueModule: options.enqueueModule ?? siblingModule(import.meta.url, './worker/outbox-enqueue'),
      metabase: options.metabase ?? createMetabaseClient(herald),
      config: this.config,
      runs: this.runs,
      maxParallel: options.maxParallel ?? Math.max(2, os.availableParallelism()),
      onChange: (jobId, runId, ended) => this.changed(jobId, runId, ended),
      shadow: {
        modeFor: (jobId, defaultPipeline) => getModeForRun(herald.db, herald.clock, jobId, defaultPipeline),
        execute: (snapshot, request) => executeRun(shadowContext(herald), snapshot, request),
      },
    });
    wireShadow(herald, {
      catalogue: () => shadowCatalogue(this.catalogue),
      sides: this.runner.sides,
      notificationStats: options.notificationStats ?? runNotificationStats(() => herald.db),
    });
    this.scheduler = new Scheduler({
      db: herald.db,
      clock: herald.clock,
      log: createLogger('triggers'),
      waker: options.waker ?? systemWaker(herald.clock),
      power: herald.power,
      onFire: (firings) => this.fire(firings),
      ...(options.tickMs !== undefined ? { tickMs: options.tickMs } : {}),
      ...(options.graceMs !== undefined ? { graceMs: options.graceMs } : {}),
    });
    services.set(herald, this);
    herald.diagnosticsSections.set('runs', () => this.diagnostics());
  }

  start(): void {
    const recovered = this.runs.recoverAfterCrash(this.herald.clock.now());
    if (recovered.interrupted || recovered.committed) this.herald.log.warn('Runs left in flight by the last stop were closed', recovered);
    this.loadFailures();
    this.stopStatus = this.herald.status.contribute(() => this.statusContribution());
    this.prune();
    this.retentionTimer = setInterval(() => this.prune(), RETENTION_EVERY_MS);
    this.retentionTimer.unref();
    this.started = true;
    this.syncTriggers();
    this.scheduler.start();
  }

  async stop(): Promise<void> {
    this.started = false;
    this.scheduler.stop();
    clearInterval(this.retentionTimer);
    await this.runner.stop();
    this.stopStatus?.();
  }

  list(): { jobs: JobSummary[]; pausedAll: boolean } {
    return { jobs: this.catalogue.map((j) => toJobSummary(this.state(j.id))), pausedAll: this.config.pausedAll() };
  }

  get(jobId: string): JobDetail {
    return toJobDetail(this.state(jobId));
  }

  update(jobId: string, patch: JobConfigPatch): JobDetail {
    this.config.update(jobId, patch);
    this.rescheduled(jobId);
    return this.get(jobId);
  }

  pause(jobId: string, paused: boolean): JobSummary {
    this.config.update(jobId, { paused });
    this.rescheduled(jobId);
    return toJobSummary(this.state(jobId));
  }

  pauseAll(paused: boolean): { pausedAll: boolean } {
    this.config.setPausedAll(paused);
    this.syncTriggers();
    this.herald.log.info(paused ? 'All triggers paused' : 'All triggers resumed');
    this.herald.events.invalidate('jobs');
    this.herald.events.invalidate('status');
    return { pausedAll: paused };
  }

  /**
   * A manual run: `input` replaces fetching, `scheduledAt` is its logical time (default now), and
   * `dryRun` holds every message it produces to DRY_RUN — recorded as sent there, sent nowhere.
   */
  runNow(jobId: string, input?: unknown, options: { scheduledAt?: number; dryRun?: boolean } = {}): { runId: number } {
    this.config.definition(jobId);
    const { runId } = this.runner.submit({
      jobId,
      kind: 'manual',
      scheduledAt: options.scheduledAt ?? this.herald.clock.now(),
      ...(input !== undefined ? { input: { value: input } } : {}),
      ...(options.dryRun ? { onlyChannel: 'DRY_RUN' } : {}),
    });
    return { runId };
  }

  fireEvent(name: string, payload?: unknown): Array<{ jobId: string; runId: number; status: RunStatus }> {
    return this.scheduler.fireEvent(name, payload).flatMap((f) => {
      const run = this.submitted.get(f);
      return run ? [{ jobId: f.jobId, ...run }] : [];
    });
  }

  rerun(runId: number): { runId: number } {
    const row = this.runs.get(runId);
    if (!row) throw new HeraldError('RUN_NOT_FOUND', `There is no run #${runId}.`, { runId });
    if (!row.input_ref) {
      throw new HeraldError('RUN_HAS_NO_INPUT', `Run #${runId} ended before its input was stored, so there is nothing to replay; use "Run now" instead.`, { runId });
    }
    const submitted = this.runner.submit({ jobId: row.job_id, kind: 'rerun', scheduledAt: row.scheduled_at, inputRef: row.input_ref, rerunOf: runId });
    return { runId: submitted.runId };
  }

  cancel(runId: number): { runId: number; status: RunStatus } {
    return { runId, status: this.runner.cancel(runId) };
  }

  listRuns(filter: RunFilter): { runs: RunSummary[]; total: number; page: number; pageSize: number; counts: Record<RunStatus, number> } {
    const page = listRuns(this.herald.db, filter, this.catalogue);
    return { runs: page.rows.map((r) => this.runSummary(r)), total: page.total, page: filter.page, pageSize: filter.pageSize, counts: page.counts };
  }

  getRun(runId: number): RunDetail {
    const row = this.runs.get(runId);
    if (!row) throw new HeraldError('RUN_NOT_FOUND', `There is no run #${runId}.`, { runId });
    return toRunDetail(this.runSummary(row), row, row.input_ref ? inputSize(this.herald.db, row.input_ref) : undefined, runLogs(this.herald.db, runId));
  }

  /**
   * Adds triggers that are not jobs. Register before `start` (a service factory does): the start's
   * sync removes the rows of triggers nobody declared, and with them their persisted due times.
   */
  addTriggerOwner(owner: TriggerOwner): () => void {
    this.owners.add(owner);
    if (this.started) this.syncTriggers();
    return () => this.owners.delete(owner);
  }

  /** Re-reads every trigger (jobs and owners), e.g. after an owner's triggers changed. */
  syncTriggers(): void {
    if (!this.started) return;
    const pausedAll = this.config.pausedAll();
    const owned = [...this.owners].flatMap((o) => o.list().map((j) => ({ ...j, active: j.active && !pausedAll })));
    this.scheduler.sync([...[...this.jobs.keys()].map((id) => this.scheduled(id)), ...owned]);
  }

  /** Runs now due (also what the periodic tick and a resume do). */
  scan(): Firing[] {
    return this.scheduler.scan('tick');
  }

  prune(): void {
    try {
      const report = pruneRuns(this.herald.db, this.herald.clock.now(), this.herald.settings().runRetentionDays);
      if (report.runs) this.herald.log.info('Old runs pruned, their daily summaries kept', { ...report });
    } catch (err) {
      this.herald.log.warn('Pruning old runs failed; trying again later', { error: (err as Error).message });
    }
  }

  /** Inside the scheduler's claim transaction: each firing becomes a run (queued or skipped), or goes to its owner. */
  private fire(firings: Firing[]): void {
    const owned = new Map<TriggerOwner, Firing[]>();
    for (const f of firings) {
      const owner = [...this.owners].find((o) => f.jobId.startsWith(o.prefix));
      if (owner) {
        owned.set(owner, [...(owned.get(owner) ?? []), f]);
        continue;
      }
      const submitted = this.runner.submit({
        jobId: f.jobId,
        kind: f.kind,
        scheduledAt: f.scheduledAt,
        triggerId: f.triggerId,
        batch: f.batch,
        ...(f.eventName ? { eventName: f.eventName } : {}),
        ...(f.payload !== undefined ? { input: { value: f.payload } } : {}),
      });
      this.submitted.set(f, submitted);
    }
    for (const [owner, own] of owned) owner.fire(own);
  }

  private scheduled(jobId: string): ScheduledJob {
    const job = this.config.definition(jobId);
    const config = this.config.get(jobId);
    return {
      jobId,
      triggers: config.triggers,
      active: config.enabled && !config.paused && !this.config.pausedAll(),
      misfire: job.options.misfire,
      maxCatchUp: job.options.maxCatchUp,
    };
  }

  private rescheduled(jobId: string): void {
    this.scheduler.update(this.scheduled(jobId));
    this.herald.events.invalidate('jobs', jobId);
  }

  private state(jobId: string): JobState {
    const job = this.config.definition(jobId);
    return {
      job,
      config: this.config.get(jobId),
      nextRuns: this.scheduler.nextRuns(jobId),
      lastRun: this.runs.lastFinished(jobId),
      running: this.runner.running(jobId),
      queued: this.runner.queued(jobId),
    };
  }

  private runSummary(row: Parameters<typeof toRunSummary>[0]): RunSummary {
    return toRunSummary(row, this.jobs.get(row.job_id), row.status === 'running' ? this.runner.progressOf(row.id) : undefined);
  }

  private changed(jobId: string, runId: number, ended?: RunStatus): void {
    const { events } = this.herald;
    events.invalidate('runs', String(runId));
    events.invalidate('jobs', jobId);
    events.invalidate('status');
    if (!ended || ended === 'skipped' || ended === 'cancelled') return;
    // A committed run may have enqueued messages (in its worker): wake the outbox now, not at its next check.
    if (ended === 'succeeded') events.invalidate('outbox');
    if (!FAILED.includes(ended)) {
      this.failures.delete(jobId);
      return;
    }
    const row = this.runs.get(runId);
    const job = this.jobs.get(jobId);
    const message = row?.error_message ?? ended;
    this.failures.set(jobId, { runId, at: row?.finished_at ?? this.herald.clock.now(), summary: `${jobId} #${runId}: ${message}` });
    const zh = this.herald.settings().language === 'zh-CN';
    const title = job ? job.title[zh ? 'zh-CN' : 'en'] : jobId;
    events.emit({ type: 'alert', kind: 'run-failed', title: zh ? `任务运行失败：${title}` : `Job run failed: ${title}`, body: `#${runId} ${message}` });
  }

  private loadFailures(): void {
    this.failures.clear();
    for (const id of this.jobs.keys()) {
      const last = this.runs.lastFinished(id);
      if (last && FAILED.includes(last.status)) {
        this.failures.set(id, { runId: last.id, at: last.finished_at ?? last.created_at, summary: `${id} #${last.id}: ${last.error_message ?? last.status}` });
      }
    }
  }

  private statusContribution(): StatusContribution {
    const runningJobs = [...this.jobs.keys()].flatMap((jobId) => {
      const r = this.runner.running(jobId);
      if (!r) return [];
      const p = r.progress;
      const progress = p ? `${p.done}${p.total !== undefined ? `/${p.total}` : ''}${p.step ? ` ${p.step}` : ''}` : undefined;
      return [{ jobId, runId: r.runId, ...(progress ? { progress } : {}) }];
    });
    const failures = [...this.failures.values()].map((f) => ({ kind: 'run' as const, summary: f.summary, at: new Date(f.at).toISOString() }));
    return { pausedAll: this.config.pausedAll(), runningJobs, failures };
  }

  private diagnostics(): unknown {
    const since = shanghaiDate(this.herald.clock.now() - 30 * 86_400_000);
    return {
      recentRuns: recentRuns(this.herald.db, 200).map((r) => this.runSummary(r)),
      dailySummaries: dailySummaries(this.herald.db, since),
    };
  }
}

export function jobsService(herald: Herald): JobsService {
  return new JobsService(herald, herald.jobsConfig);
}
