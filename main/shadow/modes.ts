import { z } from 'zod';
import type { Db } from '../db/open.js';
import { HeraldError } from '../shared/errors.js';
import type { Clock } from '../shared/clock.js';
import { ShadowConfigSchema, type ShadowConfig, type ShadowMode } from './config.js';
import type { FiredTrigger } from './kpi.js';

/**
 * Each job's mode (control / shadow / candidate), which pipeline is control and which candidate,
 * its shadow settings and planned migration order — and the history of every switch.
 */

export const ActorSchema = z.enum(['ui', 'tray', 'api', 'cli', 'automatic']);
export type Actor = z.infer<typeof ActorSchema>;

export interface ShadowJob {
  jobId: string;
  mode: ShadowMode;
  controlPipeline: string;
  candidatePipeline: string | null;
  /** The pipeline whose state the live store holds. */
  stateHolder: string;
  plannedOrder: number | null;
  config: ShadowConfig;
  version: number;
  updatedAt: string;
}

/** What a run takes when it starts and keeps to its end, whatever is switched meanwhile. */
export type ModeSnapshot = Readonly<Omit<ShadowJob, 'updatedAt'>> & { readonly takenAt: string };

export interface ModeChange {
  id: number;
  jobId: string;
  at: string;
  fromMode: ShadowMode | null;
  toMode: ShadowMode;
  fromControl: string | null;
  toControl: string;
  fromCandidate: string | null;
  toCandidate: string | null;
  reason: string;
  actor: Actor;
  triggers: FiredTrigger[] | null;
}

interface JobRow {
  job_id: string;
  mode: ShadowMode;
  control_pipeline: string;
  candidate_pipeline: string | null;
  state_holder: string;
  planned_order: number | null;
  config: string;
  version: number;
  updated_at: string;
}

function parseConfig(row: JobRow): ShadowConfig {
  const parsed = ShadowConfigSchema.safeParse(JSON.parse(row.config));
  if (!parsed.success) {
    throw new HeraldError('SHADOW_CONFIG_INVALID', `The shadow settings of job ${row.job_id} are invalid: ${parsed.error.issues[0]?.message ?? ''}`, { jobId: row.job_id });
  }
  return parsed.data;
}

const toJob = (row: JobRow): ShadowJob => ({
  jobId: row.job_id,
  mode: row.mode,
  controlPipeline: row.control_pipeline,
  candidatePipeline: row.candidate_pipeline,
  stateHolder: row.state_holder,
  plannedOrder: row.planned_order,
  config: parseConfig(row),
  version: row.version,
  updatedAt: row.updated_at,
});

const iso = (clock: Clock) => new Date(clock.now()).toISOString();

export function getShadowJob(db: Db, jobId: string): ShadowJob | undefined {
  const row = db.prepare('SELECT * FROM shadow_jobs WHERE job_id = ?').get(jobId) as JobRow | undefined;
  return row ? toJob(row) : undefined;
}

export function listShadowJobs(db: Db): ShadowJob[] {
  return (db.prepare('SELECT * FROM shadow_jobs ORDER BY planned_order IS NULL, planned_order, job_id').all() as JobRow[]).map(toJob);
}

/**
 * Registers a job with its default pipeline as control (idempotent: an existing row is kept as the
 * office left it). The job catalogue calls this for every pipeline job at start-up.
 */
export function ensureShadowJob(db: Db, clock: Clock, job: { jobId: string; defaultPipeline: string; plannedOrder?: number }): ShadowJob {
  db.prepare('INSERT INTO shadow_jobs (job_id, control_pipeline, state_holder, planned_order, updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (job_id) DO NOTHING').run(
    job.jobId,
    job.defaultPipeline,
    job.defaultPipeline,
    job.plannedOrder ?? null,
    iso(clock),
  );
  return getShadowJob(db, job.jobId)!;
}

function requireJob(db: Db, jobId: string): ShadowJob {
  const job = getShadowJob(db, jobId);
  if (!job) throw new HeraldError('SHADOW_JOB_UNKNOWN', `Job ${jobId} has no pipelines registered for shadow mode.`, { jobId });
  return job;
}

export interface SetModeRequest {
  jobId: string;
  mode: ShadowMode;
  controlPipeline?: string;
  candidatePipeline?: string | null;
  reason: string;
  actor: Actor;
  triggers?: FiredTrigger[];
  /** The job's pipelines (its own and its external commands); unchecked when absent. */
  knownPipelines?: readonly string[];
}

/**
 * Switches a job's mode and/or pipelines. Takes effect from the next run: a run in flight keeps
 * the snapshot it started with. Recorded in the migration history in the same transaction.
 */
export function setMode(db: Db, clock: Clock, req: SetModeRequest): ShadowJob {
  const reason = req.reason.trim();
  if (!reason) throw new HeraldError('SHADOW_REASON_REQUIRED', 'Say why the mode changes: the reason goes into the migration history.', { jobId: req.jobId });
  return db.transaction(() => {
    const before = requireJob(db, req.jobId);
    const control = req.controlPipeline ?? before.controlPipeline;
    const candidate = req.candidatePipeline === undefined ? before.candidatePipeline : req.candidatePipeline;
    const known = req.knownPipelines ? new Set([...req.knownPipelines, ...Object.keys(before.config.externalCommands)]) : undefined;
    for (const p of [control, candidate]) {
      if (p !== null && known && !known.has(p)) {
        throw new HeraldError('SHADOW_PIPELINE_UNKNOWN', `Job ${req.jobId} has no pipeline named ${p}.`, { jobId: req.jobId, pipeline: p });
      }
    }
    if (req.mode !== 'control' && (candidate === null || candidate === control)) {
      throw new HeraldError('SHADOW_CANDIDATE_REQUIRED', `Mode ${req.mode} needs a candidate pipeline different from the control (${control}).`, { jobId: req.jobId, mode: req.mode });
    }
    const at = iso(clock);
    db.prepare('UPDATE shadow_jobs SET mode = ?, control_pipeline = ?, candidate_pipeline = ?, version = version + 1, updated_at = ? WHERE job_id = ?').run(req.mode, control, candidate, at, req.jobId);
    db.prepare(
      `INSERT INTO shadow_mode_changes (job_id, at, from_mode, to_mode, from_control, to_control, from_candidate, to_candidate, reason, actor, triggers)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(req.jobId, at, before.mode, req.mode, before.controlPipeline, control, before.candidatePipeline, candidate, reason, req.actor, req.triggers ? JSON.stringify(req.triggers) : null);
    return requireJob(db, req.jobId);
  }).immediate();
}

/** One call, no restart: the next run of the job runs its control only. */
export function rollback(db: Db, clock: Clock, jobId: string, reason: string, actor: Actor, triggers?: FiredTrigger[]): ShadowJob {
  return setMode(db, clock, { jobId, mode: 'control', reason, actor, ...(triggers ? { triggers } : {}) });
}

/** Changes a job's shadow settings and/or planned order (`null` clears it); from the next run on. */
export function updateShadowSettings(db: Db, clock: Clock, jobId: string, changes: { config?: ShadowConfig; plannedOrder?: number | null }): ShadowJob {
  return db.transaction(() => {
    const job = requireJob(db, jobId);
    const config = ShadowConfigSchema.parse(changes.config ?? job.config);
    const order = changes.plannedOrder === undefined ? job.plannedOrder : changes.plannedOrder;
    db.prepare('UPDATE shadow_jobs SET config = ?, planned_order = ?, version = version + 1, updated_at = ? WHERE job_id = ?').run(JSON.stringify(config), order, iso(clock), jobId);
    return requireJob(db, jobId);
  }).immediate();
}

export function setStateHolder(db: Db, jobId: string, pipelineId: string): void {
  db.prepare('UPDATE shadow_jobs SET state_holder = ? WHERE job_id = ?').run(pipelineId, jobId);
}

/** Deep-frozen, so nothing downstream can change the mode a run started with. */
function freeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) freeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * The runner calls this when a run starts (not when it is queued) and passes the snapshot along:
 * the run finishes in that mode whatever is switched meanwhile. A job never registered runs its
 * default pipeline in control mode.
 */
export function getModeForRun(db: Db, clock: Clock, jobId: string, defaultPipeline?: string): ModeSnapshot {
  const job = getShadowJob(db, jobId) ?? (defaultPipeline ? ensureShadowJob(db, clock, { jobId, defaultPipeline }) : requireJob(db, jobId));
  const { updatedAt: _updatedAt, ...rest } = job;
  return freeze({ ...rest, takenAt: iso(clock) });
}

interface ChangeRow {
  id: number;
  job_id: string;
  at: string;
  from_mode: ShadowMode | null;
  to_mode: ShadowMode;
  from_control: string | null;
  to_control: string;
  from_candidate: string | null;
  to_candidate: string | null;
  reason: string;
  actor: Actor;
  triggers: string | null;
}

/** The migration history, newest first; all jobs when `jobId` is absent. */
export function modeHistory(db: Db, jobId?: string, limit = 200): ModeChange[] {
  const rows = (
    jobId
      ? db.prepare('SELECT * FROM shadow_mode_changes WHERE job_id = ? ORDER BY id DESC LIMIT ?').all(jobId, limit)
      : db.prepare('SELECT * FROM shadow_mode_changes ORDER BY id DESC LIMIT ?').all(limit)
  ) as ChangeRow[];
  return rows.map((r) => ({
    id: r.id,
    jobId: r.job_id,
    at: r.at,
    fromMode: r.from_mode,
    toMode: r.to_mode,
    fromControl: r.from_control,
    toControl: r.to_control,
    fromCandidate: r.from_candidate,
    toCandidate: r.to_candidate,
    reason: r.reason,
    actor: r.actor,
    triggers: r.triggers ? (JSON.parse(r.triggers) as FiredTrigger[]) : null,
  }));
}
