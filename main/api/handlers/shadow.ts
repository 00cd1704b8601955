import os from 'node:os';
import type { z } from 'zod';
import type { Herald } from '../../core/herald.js';
import type { HandlersOf } from '../dispatcher.js';
import type { shadowMethods, ShadowConfigPatchSchema } from '../contract/shadow.js';
import { HeraldError } from '../../shared/errors.js';
import { ShadowConfigSchema, type ExternalCommand, type ShadowConfig } from '../../shadow/config.js';
import { summarise } from '../../shadow/kpi.js';
import { getShadowJob, listShadowJobs, modeHistory, setMode, updateShadowSettings, type ShadowJob } from '../../shadow/modes.js';
import { getShadowRun, getShadowRunDiff, kpiRuns, listShadowRuns } from '../../shadow/run-store.js';
import { resetSandbox, sandboxFile } from '../../shadow/sandbox.js';
import { catalogueEntry, shadowWiring, stateScopesOf } from '../../shadow/wiring.js';

const DAY_MS = 86_400_000;

type ShadowConfigPatch = z.output<typeof ShadowConfigPatchSchema>;

function requireJob(herald: Herald, jobId: string): ShadowJob {
  const job = getShadowJob(herald.db, jobId);
  if (!job) throw new HeraldError('SHADOW_JOB_UNKNOWN', `Job ${jobId} has no pipelines registered for shadow mode.`, { jobId });
  return job;
}

function pipelinesOf(herald: Herald, job: ShadowJob): string[] {
  const own = catalogueEntry(herald, job.jobId)?.pipelines ?? [job.controlPipeline, ...(job.candidatePipeline ? [job.candidatePipeline] : [])];
  return [...new Set([...own, ...Object.keys(job.config.externalCommands)])];
}

/** Nested settings merge; an external command set to null is removed, as is a list of diff fields set to null. */
export function mergeConfig(current: ShadowConfig, patch: ShadowConfigPatch): ShadowConfig {
  const { fields, ...diffPatch } = patch.diff ?? {};
  const diff = { ...current.diff, ...diffPatch, ...(fields !== undefined ? { fields: fields ?? undefined } : {}) };
  const externalCommands: Record<string, ExternalCommand> = { ...current.externalCommands };
  for (const [id, cmd] of Object.entries(patch.externalCommands ?? {})) {
    if (cmd === null) delete externalCommands[id];
    else externalCommands[id] = cmd;
  }
  return ShadowConfigSchema.parse({
    ...current,
    ...patch,
    thresholds: { ...current.thresholds, ...patch.thresholds },
    triggers: { ...current.triggers, ...patch.triggers },
    diff,
    externalCommands,
  });
}

/**
 * An external command may not take the name of one of Herald's own pipelines (it would hide it),
 * and one the job runs as control or candidate stays until the job is switched off it.
 */
function checkExternalCommands(herald: Herald, job: ShadowJob, patch: ShadowConfigPatch['externalCommands']): void {
  const own = new Set(catalogueEntry(herald, job.jobId)?.pipelines ?? []);
  const inUse = new Set([job.controlPipeline, job.candidatePipeline]);
  for (const [pipelineId, cmd] of Object.entries(patch ?? {})) {
    const field = `config.externalCommands.${pipelineId}`;
    if (cmd !== null && own.has(pipelineId)) {
      throw new HeraldError('SHADOW_PIPELINE_NAME_TAKEN', `${pipelineId} is already one of Herald's own pipelines of ${job.jobId}: give the external command another name.`, { jobId: job.jobId, pipelineId, field });
    }
    if (cmd === null && pipelineId in job.config.externalCommands && inUse.has(pipelineId)) {
      throw new HeraldError('SHADOW_PIPELINE_IN_USE', `${job.jobId} runs ${pipelineId} as its ${pipelineId === job.controlPipeline ? 'control' : 'candidate'}: switch the job to another pipeline before removing it.`, { jobId: job.jobId, pipelineId, field });
    }
  }
}

export function shadowHandlers(herald: Herald): HandlersOf<typeof shadowMethods> {
  const changed = (jobId: string) => {
    herald.events.invalidate('shadow', jobId);
    herald.events.invalidate('jobs', jobId);
  };
  return {
    'shadow.jobs': () => {
      const now = herald.clock.now();
      const stats = shadowWiring(herald).notificationStats;
      return {
        cores: os.availableParallelism(),
        jobs: listShadowJobs(herald.db).map((job) => {
          const runs = kpiRuns(herald.db, job.jobId, now - job.config.windowDays * DAY_MS, stats);
          const last = listShadowRuns(herald.db, job.jobId, { limit: 1, offset: 0 }).runs[0];
          return {
            jobId: job.jobId,
            title: catalogueEntry(herald, job.jobId)?.title ?? null,
            mode: job.mode,
            controlPipeline: job.controlPipeline,
            candidatePipeline: job.candidatePipeline,
            pipelines: pipelinesOf(herald, job),
            plannedOrder: job.plannedOrder,
            autoRollback: job.config.autoRollback,
            kpi: summarise(runs, now, job.config),
            minRuns: job.config.minRuns,
            minSpanDays: job.config.minSpanDays,
            lastRunAt: last?.startedAt ?? null,
          };
        }),
      };
    },
    'shadow.setMode': ({ jobId, mode, controlPipeline, candidatePipeline, reason, via }) => {
      const entry = catalogueEntry(herald, jobId);
      const job = setMode(herald.db, herald.clock, {
        jobId,
        mode,
        reason,
        actor: via,
        ...(controlPipeline !== undefined ? { controlPipeline } : {}),
        ...(candidatePipeline !== undefined ? { candidatePipeline } : {}),
        ...(entry ? { knownPipelines: entry.pipelines } : {}),
      });
      herald.log.info('Shadow mode switched', { jobId, mode, control: job.controlPipeline, candidate: job.candidatePipeline, via, reason });
      changed(jobId);
      return { jobId, mode: job.mode, controlPipeline: job.controlPipeline, candidatePipeline: job.candidatePipeline };
    },
    'shadow.history': ({ jobId, limit }) => ({ changes: modeHistory(herald.db, jobId, limit) }),
    'shadow.runs': ({ jobId, limit, offset }) => listShadowRuns(herald.db, jobId, { limit, offset }),
    'shadow.diff': ({ shadowRunId }) => {
      const run = getShadowRun(herald.db, shadowRunId);
      if (!run) throw new HeraldError('SHADOW_RUN_NOT_FOUND', `There is no shadow run ${shadowRunId}.`, { shadowRunId });
      return { run, diff: getShadowRunDiff(herald.db, shadowRunId) };
    },
    'shadow.settings': ({ jobId }) => {
      const job = requireJob(herald, jobId);
      return { jobId, plannedOrder: job.plannedOrder, config: job.config };
    },
    'shadow.saveSettings': ({ jobId, plannedOrder, config }) => {
      const job = requireJob(herald, jobId);
      checkExternalCommands(herald, job, config.externalCommands);
      const next = updateShadowSettings(herald.db, herald.clock, jobId, { config: mergeConfig(job.config, config), ...(plannedOrder !== undefined ? { plannedOrder } : {}) });
      changed(jobId);
      return { jobId, plannedOrder: next.plannedOrder, config: next.config };
    },
    'shadow.resetSandbox': ({ jobId, pipelineId, from }) => {
      const job = requireJob(herald, jobId);
      if (pipelineId in job.config.externalCommands) {
        throw new HeraldError('SHADOW_SANDBOX_EXTERNAL', `${pipelineId} is an external command: it keeps no sandbox in Herald.`, { jobId, pipelineId });
      }
      const file = sandboxFile(herald.paths.sandboxDir, jobId, pipelineId);
      resetSandbox(file, from === 'live' ? { live: herald.db, scopes: stateScopesOf(herald, jobId, pipelineId) } : 'empty');
      herald.log.info('Shadow sandbox reset', { jobId, pipelineId, from });
      return { file };
    },
  };
}
