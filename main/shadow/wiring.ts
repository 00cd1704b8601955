import type { Herald, Service } from '../core/herald.js';
import type { JobTitle, StateScope } from '../jobs/types.js';
import { ensureShadowJob, listShadowJobs } from './modes.js';
import { pruneShadowRuns } from './run-store.js';
import type { ShadowContext } from './run-shadow.js';
import type { NotificationStats } from './run-store.js';
import type { SideRunner } from './sides/types.js';
import { startCompareWorker } from './compare.js';
import { HeraldError } from '../shared/errors.js';

/**
 * Where shadow mode meets the rest of Herald: the jobs service calls `wireShadow(herald, {...})`
 * when it is created — the job catalogue (pipelines, planned order, state scopes), the runner's
 * side runner and the outbox's delivery figures — and the runner passes `shadowContext(herald)`
 * to `executeRun` for every run that is not a plain control run.
 */
export interface JobCatalogueEntry {
  id: string;
  title: JobTitle;
  /** The job's own pipeline ids (PipelineJob.pipelines keys). */
  pipelines: string[];
  defaultPipeline: string;
  plannedOrder?: number;
  /** Per pipeline, the rows it keeps its state in (its PipelineSpec's `stateScope`; handed over on promotion and rollback). */
  stateScopes?: Record<string, readonly StateScope[]>;
}

export interface ShadowWiring {
  catalogue?: () => JobCatalogueEntry[];
  /** The runner's worker-thread side runner. */
  sides?: SideRunner;
  /** The outbox's delivery outcome per run. */
  notificationStats?: NotificationStats;
}

const wirings = new WeakMap<Herald, ShadowWiring>();

export function wireShadow(herald: Herald, wiring: ShadowWiring): void {
  wirings.set(herald, { ...wirings.get(herald), ...wiring });
  syncCatalogue(herald);
}

export function shadowWiring(herald: Herald): ShadowWiring {
  return wirings.get(herald) ?? {};
}

export function catalogueEntry(herald: Herald, jobId: string): JobCatalogueEntry | undefined {
  return shadowWiring(herald).catalogue?.().find((j) => j.id === jobId);
}

/** Every pipeline job gets a row (control mode, its default pipeline) the first time it is seen. */
export function syncCatalogue(herald: Herald): void {
  for (const job of shadowWiring(herald).catalogue?.() ?? []) {
    ensureShadowJob(herald.db, herald.clock, { jobId: job.id, defaultPipeline: job.defaultPipeline, ...(job.plannedOrder !== undefined ? { plannedOrder: job.plannedOrder } : {}) });
  }
}

export function stateScopesOf(herald: Herald, jobId: string, pipelineId: string): readonly StateScope[] {
  return catalogueEntry(herald, jobId)?.stateScopes?.[pipelineId] ?? [];
}

/** What the runner passes to `executeRun`. */
export function shadowContext(herald: Herald): ShadowContext {
  const wiring = shadowWiring(herald);
  if (!wiring.sides) throw new HeraldError('SHADOW_NOT_WIRED', 'Shadow mode has no side runner: the job runner has not been connected to it.');
  return {
    db: herald.db,
    clock: herald.clock,
    sandboxDir: herald.paths.sandboxDir,
    sides: wiring.sides,
    events: herald.events,
    log: herald.log.child('shadow'),
    language: herald.settings().language,
    stateScopes: (jobId, pipelineId) => stateScopesOf(herald, jobId, pipelineId),
    startComparer: startCompareWorker,
    ...(wiring.notificationStats ? { notificationStats: wiring.notificationStats } : {}),
  };
}

const PRUNE_EVERY_MS = 6 * 3_600_000;

/** Keeps shadow runs as long as run history (`runRetentionDays`). */
function prune(herald: Herald): void {
  try {
    const removed = pruneShadowRuns(herald.db, herald.clock.now() - herald.settings().runRetentionDays * 86_400_000);
    if (removed) herald.log.info('Old shadow runs removed', { removed });
  } catch (err) {
    herald.log.error('Pruning shadow runs failed', { error: (err as Error).message });
  }
}

export function shadowService(herald: Herald): Service {
  let timer: NodeJS.Timeout | undefined;
  return {
    name: 'shadow',
    start() {
      syncCatalogue(herald);
      prune(herald);
      timer = setInterval(() => prune(herald), PRUNE_EVERY_MS);
      timer.unref();
      herald.diagnosticsSections.set('shadow', () =>
        listShadowJobs(herald.db).map((j) => ({ jobId: j.jobId, mode: j.mode, control: j.controlPipeline, candidate: j.candidatePipeline, version: j.version })),
      );
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      herald.diagnosticsSections.delete('shadow');
    },
  };
}
