import type { Db } from '../db/open.js';
import type { Counts, ShadowDiff } from './diff/index.js';
import type { FiredTrigger, KpiRun } from './kpi.js';

/** How one side of a shadow run went (figures recorded with the machine's core count). */
export interface SideSummary {
  pipelineId: string;
  /** `live`: its writes and messages counted; `sandbox`: its own store; `external`: a command. */
  store: 'live' | 'sandbox' | 'external';
  durationMs: number;
  peakMemoryBytes: number | null;
  error: { code: string; message: string } | null;
  timedOut: boolean;
  records: number;
  messages: number;
}

/**
 * A diff as it is stored: its verdict and counts, and the whole diff as JSON — serialized where it
 * was computed (the comparison's worker), so the main thread never walks a large diff.
 */
export interface StoredDiff {
  records: Counts;
  messages: Counts;
  consistency: number;
  consistent: boolean;
  json: string;
}

export function toStoredDiff(diff: ShadowDiff): StoredDiff {
  return { records: diff.records, messages: diff.messages, consistency: diff.consistency, consistent: diff.consistent, json: JSON.stringify(diff) };
}

export interface ShadowRunInput {
  jobId: string;
  runId: number | null;
  mode: 'shadow' | 'candidate';
  liveSide: 'control' | 'candidate';
  controlPipeline: string;
  candidatePipeline: string;
  scheduledAt: string;
  startedMs: number;
  finishedAt: string;
  cores: number;
  control: SideSummary | null;
  candidate: SideSummary | null;
  diff: StoredDiff | null;
  noiseCalibrated: boolean;
  triggers: FiredTrigger[];
  rolledBack: boolean;
}

export interface ShadowRun extends Omit<ShadowRunInput, 'diff'> {
  id: number;
  startedAt: string;
  counts: { records: Counts; messages: Counts } | null;
  consistency: number | null;
  consistent: boolean | null;
}

interface Row {
  id: number;
  job_id: string;
  run_id: number | null;
  mode: 'shadow' | 'candidate';
  live_side: 'control' | 'candidate';
  control_pipeline: string;
  candidate_pipeline: string;
  scheduled_at: string;
  started_at: string;
  started_ms: number;
  finished_at: string;
  cores: number;
  control: string | null;
  candidate: string | null;
  counts: string | null;
  consistency: number | null;
  consistent: number | null;
  noise_calibrated: number;
  triggers: string;
  rolled_back: number;
}

const json = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T));

function toRun(r: Row): ShadowRun {
  return {
    id: r.id,
    jobId: r.job_id,
    runId: r.run_id,
    mode: r.mode,
    liveSide: r.live_side,
    controlPipeline: r.control_pipeline,
    candidatePipeline: r.candidate_pipeline,
    scheduledAt: r.scheduled_at,
    startedAt: r.started_at,
    startedMs: r.started_ms,
    finishedAt: r.finished_at,
    cores: r.cores,
    control: json<SideSummary>(r.control),
    candidate: json<SideSummary>(r.candidate),
    counts: json(r.counts),
    consistency: r.consistency,
    consistent: r.consistent === null ? null : r.consistent === 1,
    noiseCalibrated: r.noise_calibrated === 1,
    triggers: JSON.parse(r.triggers) as FiredTrigger[],
    rolledBack: r.rolled_back === 1,
  };
}

/** Stores one shadow run and its diff details together. */
export function insertShadowRun(db: Db, run: ShadowRunInput): ShadowRun {
  return db.transaction(() => {
    const info = db
      .prepare(
        `INSERT INTO shadow_runs (job_id, run_id, mode, live_side, control_pipeline, candidate_pipeline, scheduled_at, started_at, started_ms,
           finished_at, cores, control, candidate, counts, consistency, consistent, noise_calibrated, triggers, rolled_back)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        run.jobId,
        run.runId,
        run.mode,
        run.liveSide,
        run.controlPipeline,
        run.candidatePipeline,
        run.scheduledAt,
        new Date(run.startedMs).toISOString(),
        run.startedMs,
        run.finishedAt,
        run.cores,
        run.control ? JSON.stringify(run.control) : null,
        run.candidate ? JSON.stringify(run.candidate) : null,
        run.diff ? JSON.stringify({ records: run.diff.records, messages: run.diff.messages }) : null,
        run.diff?.consistency ?? null,
        run.diff ? (run.diff.consistent ? 1 : 0) : null,
        run.noiseCalibrated ? 1 : 0,
        JSON.stringify(run.triggers),
        run.rolledBack ? 1 : 0,
      );
    const id = Number(info.lastInsertRowid);
    if (run.diff) db.prepare('INSERT INTO shadow_run_diffs (shadow_run_id, diff) VALUES (?, ?)').run(id, run.diff.json);
    return getShadowRun(db, id)!;
  })();
}

export function getShadowRun(db: Db, id: number): ShadowRun | undefined {
  const row = db.prepare('SELECT * FROM shadow_runs WHERE id = ?').get(id) as Row | undefined;
  return row ? toRun(row) : undefined;
}

/** A job's shadow runs, newest first. */
export function listShadowRuns(db: Db, jobId: string, page: { limit: number; offset: number }): { runs: ShadowRun[]; total: number } {
  const rows = db.prepare('SELECT * FROM shadow_runs WHERE job_id = ? ORDER BY started_ms DESC, id DESC LIMIT ? OFFSET ?').all(jobId, page.limit, page.offset) as Row[];
  const { n } = db.prepare('SELECT COUNT(*) AS n FROM shadow_runs WHERE job_id = ?').get(jobId) as { n: number };
  return { runs: rows.map(toRun), total: n };
}

export function getShadowRunDiff(db: Db, id: number): ShadowDiff | null {
  const row = db.prepare('SELECT diff FROM shadow_run_diffs WHERE shadow_run_id = ?').get(id) as { diff: string } | undefined;
  return row ? (JSON.parse(row.diff) as ShadowDiff) : null;
}

/**
 * How a run's live messages were delivered, as the outbox knows it: `sent` messages of the run
 * delivered, `failed` given up (dead); null when the outbox knows nothing of the run.
 * The outbox supplies it (`JobsConfig.notificationStats`).
 */
export type NotificationStats = (runId: number) => { sent: number; failed: number } | null;

/** Only a live candidate's deliveries say something about the candidate. */
export function toKpiRun(run: Pick<ShadowRun, 'id' | 'startedMs' | 'mode' | 'liveSide' | 'control' | 'candidate' | 'consistency' | 'consistent' | 'runId'>, stats?: NotificationStats): KpiRun {
  const figures = (s: SideSummary | null) => (s ? { durationMs: s.durationMs, peakMemoryBytes: s.peakMemoryBytes, error: s.error?.message ?? null } : null);
  return {
    id: run.id,
    startedAt: run.startedMs,
    mode: run.mode,
    control: figures(run.control),
    candidate: figures(run.candidate),
    consistency: run.consistency,
    consistent: run.consistent,
    notifications: run.liveSide === 'candidate' && run.runId !== null && stats ? stats(run.runId) : null,
  };
}

/** A job's runs since `fromMs`, as the KPI functions take them. */
export function kpiRuns(db: Db, jobId: string, fromMs: number, stats?: NotificationStats): KpiRun[] {
  const rows = db.prepare('SELECT * FROM shadow_runs WHERE job_id = ? AND started_ms >= ? ORDER BY started_ms, id').all(jobId, fromMs) as Row[];
  return rows.map((r) => toKpiRun(toRun(r), stats));
}

/** Removes shadow runs (and their diffs) that started before `beforeMs`; returns how many. */
export function pruneShadowRuns(db: Db, beforeMs: number): number {
  return db.prepare('DELETE FROM shadow_runs WHERE started_ms < ?').run(beforeMs).changes;
}
