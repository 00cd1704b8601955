import type { Db } from '../db/open.js';
import type { Clock } from '../shared/clock.js';
import type { JobDefinition, TriggerSpec } from './types.js';
import { HeraldError } from '../shared/errors.js';
import { assertValidTriggers } from '../triggers/validate.js';

/** A job's stored configuration over its catalogue defaults. */
export interface JobConfig {
  enabled: boolean;
  paused: boolean;
  triggers: TriggerSpec[];
  triggersCustomised: boolean;
  /** Validated by the job's settings schema (defaults filled in); the raw stored value if it no longer validates. */
  settings: Record<string, unknown>;
  settingsProblem: string | null;
}

export interface JobConfigPatch {
  enabled?: boolean;
  paused?: boolean;
  /** null: back to the catalogue's triggers. */
  triggers?: TriggerSpec[] | null;
  settings?: Record<string, unknown>;
}

interface Row {
  enabled: number;
  paused: number;
  triggers: string | null;
  settings: string | null;
}

const PAUSED_ALL = 'pausedAll';

function zodProblem(error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> }): { field: string; message: string } {
  const issue = error.issues[0];
  const field = ['settings', ...(issue?.path ?? []).map(String)].join('.');
  return { field, message: `${field}: ${issue?.message ?? 'invalid'}` };
}

/**
 * Jobs are declared in code; what the office changes — enabled, paused, trigger expressions, the
 * job's settings — is stored per job in `job_settings` and validated before it is stored, so an
 * invalid cron expression or time zone never reaches the scheduler.
 */
export class JobConfigStore {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly jobs: ReadonlyMap<string, JobDefinition>,
  ) {}

  definition(jobId: string): JobDefinition {
    const job = this.jobs.get(jobId);
    if (!job) throw new HeraldError('JOB_NOT_FOUND', `There is no job "${jobId}".`, { jobId });
    return job;
  }

  get(jobId: string): JobConfig {
    const job = this.definition(jobId);
    const row = this.row(jobId);
    const stored = row?.settings ? (JSON.parse(row.settings) as Record<string, unknown>) : {};
    const parsed = job.settingsSchema.safeParse(stored);
    return {
      enabled: row?.enabled === 1,
      paused: row?.paused === 1,
      triggers: row?.triggers ? (JSON.parse(row.triggers) as TriggerSpec[]) : job.triggers,
      triggersCustomised: Boolean(row?.triggers),
      settings: parsed.success ? parsed.data : stored,
      settingsProblem: parsed.success ? null : zodProblem(parsed.error).message,
    };
  }

  /** Validates and stores a change; throws (storing nothing) naming the first bad field. */
  update(jobId: string, patch: JobConfigPatch): JobConfig {
    const job = this.definition(jobId);
    if (patch.triggers) assertValidTriggers(patch.triggers, { jobId });
    if (patch.settings) {
      const parsed = job.settingsSchema.safeParse(patch.settings);
      if (!parsed.success) {
        const problem = zodProblem(parsed.error);
        throw new HeraldError('INVALID_JOB_SETTINGS', problem.message, { jobId, field: problem.field });
      }
    }
    const row = this.row(jobId);
    // Stored as given (not with defaults filled in), so a default changed in code still applies.
    const json = <T>(value: T | null | undefined, old: string | null | undefined) => (value === undefined ? (old ?? null) : value === null ? null : JSON.stringify(value));
    this.db
      .prepare(
        `INSERT INTO job_settings (job_id, enabled, paused, triggers, settings, updated_at) VALUES (@jobId, @enabled, @paused, @triggers, @settings, @now)
         ON CONFLICT (job_id) DO UPDATE SET enabled = @enabled, paused = @paused, triggers = @triggers, settings = @settings, updated_at = @now`,
      )
      .run({
        jobId,
        enabled: Number(patch.enabled ?? row?.enabled === 1),
        paused: Number(patch.paused ?? row?.paused === 1),
        triggers: json(patch.triggers, row?.triggers),
        settings: json(patch.settings, row?.settings),
        now: this.clock.now(),
      });
    return this.get(jobId);
  }

  /** The job's settings for a run; a run of a job whose stored settings no longer validate fails here. */
  runSettings(jobId: string): Record<string, unknown> {
    const config = this.get(jobId);
    if (config.settingsProblem) {
      throw new HeraldError('INVALID_JOB_SETTINGS', `The job's stored settings are no longer valid (${config.settingsProblem}); fix them in the job's settings.`, { jobId });
    }
    return config.settings;
  }

  private row(jobId: string): Row | undefined {
    return this.db.prepare('SELECT enabled, paused, triggers, settings FROM job_settings WHERE job_id = ?').get(jobId) as Row | undefined;
  }

  pausedAll(): boolean {
    const row = this.db.prepare('SELECT value FROM jobs_meta WHERE key = ?').get(PAUSED_ALL) as { value: string } | undefined;
    return row?.value === 'true';
  }

  setPausedAll(paused: boolean): void {
    this.db.prepare('INSERT INTO jobs_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(PAUSED_ALL, String(paused));
  }
}
