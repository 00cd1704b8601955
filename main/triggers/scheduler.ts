import { withoutBusyWait, type Db } from '../db/open.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../logging/logger.js';
import type { PowerEvents } from '../core/power.js';
import type { MisfirePolicy, TriggerSpec } from '../jobs/types.js';
import { DEFAULT_TIME_ZONE, firstRunAfter, scheduleFor } from './schedule.js';
import { DEFAULT_GRACE_MS, planDue, type DuePlan } from './misfire.js';
import type { Waker } from './waker.js';

/** A job as the scheduler sees it. */
export interface ScheduledJob {
  jobId: string;
  triggers: readonly TriggerSpec[];
  /** Enabled, not paused and not under "pause all": its triggers fire. */
  active: boolean;
  misfire: MisfirePolicy;
  maxCatchUp: number;
}

export interface Firing {
  jobId: string;
  triggerId: number;
  kind: 'cron' | 'interval' | 'event' | 'catch-up';
  /** The logical time the run is for. */
  scheduledAt: number;
  /** One of several catch-up runs claimed together (`run-all`): each of them must run. */
  batch: boolean;
  eventName?: string;
  payload?: unknown;
}

/** Called inside the claim's transaction: a firing is recorded (as a queued run) or not claimed at all. */
export type FireHandler = (firings: Firing[]) => void;

export type ScanSource = 'start' | 'timer' | 'tick' | 'resume' | 'sync';

export interface SchedulerOptions {
  db: Db;
  clock: Clock;
  log: Logger;
  waker: Waker;
  onFire: FireHandler;
  power?: PowerEvents;
  graceMs?: number;
  tickMs?: number;
}

/** A due trigger read from the database, with what to fire if the claim succeeds. */
export interface DueClaim {
  triggerId: number;
  jobId: string;
  /** The `next_run_at` the claim expects to find (the conditional update's guard). */
  expected: number;
  specKind: 'cron' | 'interval';
  plan: DuePlan;
}

interface TriggerRow {
  id: number;
  job_id: string;
  position: number;
  spec: string;
  next_run_at: number | null;
}

export const DEFAULT_TICK_MS = 30_000;
/** The name of an event trigger that hears every event (job triggers cannot use it: see validate.ts). */
export const ANY_EVENT = '*';

/** Cron specs are stored with their zone filled in, so a default and an explicit Asia/Shanghai compare equal. */
function normalise(spec: TriggerSpec): string {
  return JSON.stringify(spec.kind === 'cron' ? { kind: 'cron', expression: spec.expression.trim(), timeZone: spec.timeZone ?? DEFAULT_TIME_ZONE } : spec);
}

/**
 * Fires triggers from the database, the single source of truth for every trigger's `next_run_at`.
 * A due time is claimed with a conditional update (`… WHERE id = ? AND next_run_at = ?`), so the
 * alarm, the periodic tick and the resume scan — or two processes — never fire it twice. Due times
 * are recomputed from the wall clock on every scan; missed ones follow the job's misfire policy.
 */
export class Scheduler {
  private readonly jobs = new Map<string, ScheduledJob>();
  private readonly graceMs: number;
  private readonly tickMs: number;
  private cancelAlarm: (() => void) | undefined;
  private alarmAt: number | undefined;
  private cancelTick: (() => void) | undefined;
  private running = false;
  private readonly onResume = () => this.scan('resume');

  constructor(private readonly options: SchedulerOptions) {
    this.graceMs = options.graceMs ?? DEFAULT_GRACE_MS;
    this.tickMs = options.tickMs ?? DEFAULT_TICK_MS;
  }

  /** Replaces the whole job set (start-up): rows of jobs no longer declared are removed. */
  sync(jobs: readonly ScheduledJob[]): void {
    const { db } = this.options;
    db.transaction(() => {
      this.jobs.clear();
      for (const job of jobs) this.writeJob(job);
      const known = new Set(jobs.map((j) => j.jobId));
      for (const { job_id } of db.prepare('SELECT DISTINCT job_id FROM triggers').all() as Array<{ job_id: string }>) {
        if (!known.has(job_id)) db.prepare('DELETE FROM triggers WHERE job_id = ?').run(job_id);
      }
    }).immediate();
    this.afterChange();
  }

  /** One job changed (enabled, paused, triggers edited). */
  update(job: ScheduledJob): void {
    this.options.db.transaction(() => this.writeJob(job)).immediate();
    this.afterChange();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.options.power?.on('resume', this.onResume);
    this.cancelTick = this.options.waker.every(this.tickMs, () => this.scan('tick'));
    this.scan('start');
  }

  stop(): void {
    this.running = false;
    this.options.power?.off('resume', this.onResume);
    this.cancelTick?.();
    this.cancelTick = undefined;
    this.disarm();
  }

  /** Due triggers as of `now` (read only): what a claim would fire. */
  due(now = this.options.clock.now()): DueClaim[] {
    const rows = this.options.db
      .prepare('SELECT id, job_id, position, spec, next_run_at FROM triggers WHERE next_run_at IS NOT NULL AND next_run_at <= ? ORDER BY next_run_at, id')
      .all(now) as TriggerRow[];
    const claims: DueClaim[] = [];
    for (const row of rows) {
      const job = this.jobs.get(row.job_id);
      const spec = job?.triggers[row.position];
      if (!job?.active || !spec || spec.kind === 'event' || normalise(spec) !== row.spec) continue;
      const due = row.next_run_at!;
      const schedule = scheduleFor(spec, due)!;
      const plan = planDue({ schedule, due, now, policy: job.misfire, maxCatchUp: job.maxCatchUp, graceMs: this.graceMs });
      claims.push({ triggerId: row.id, jobId: row.job_id, expected: due, specKind: spec.kind, plan });
    }
    return claims;
  }

  /** Claims one due time; the firings it returns happened exactly once, whoever else tried. */
  claim(due: DueClaim): Firing[] {
    const { db, clock, onFire } = this.options;
    const firings = db
      .transaction(() => {
        const claimed = db.prepare('UPDATE triggers SET next_run_at = ?, last_fired_at = ? WHERE id = ? AND next_run_at = ?').run(due.plan.next, clock.now(), due.triggerId, due.expected);
        if (claimed.changes !== 1) return [];
        const batch = due.plan.fire.length > 1;
        const out: Firing[] = due.plan.fire.map((f) => ({ jobId: due.jobId, triggerId: due.triggerId, kind: f.late ? 'catch-up' : due.specKind, scheduledAt: f.at, batch }));
        if (out.length) onFire(out);
        this.logMisfire(due, out);
        return out;
      })
      .immediate();
    return firings;
  }

  /** Fires everything due now. Safe to call any number of times from anywhere. */
  scan(source: ScanSource): Firing[] {
    const fired: Firing[] = [];
    try {
      // A claim never waits on another connection's write lock: the main thread would stand still.
      withoutBusyWait(this.options.db, () => {
        for (const due of this.due()) fired.push(...this.claim(due));
      });
    } catch (err) {
      // A busy database (a long run holds the write lock) or a failing handler: the due time stays
      // unclaimed and the next tick tries again.
      this.options.log.warn('Trigger scan did not finish; retrying on the next tick', { source, error: (err as Error).message });
    }
    if (fired.length) this.options.log.debug('Triggers fired', { source, firings: fired.length });
    this.arm();
    return fired;
  }

  /**
   * Runs every active job listening to `name` (or to every event: an event trigger named `*`);
   * event firings are not persisted, so nothing to claim.
   */
  fireEvent(name: string, payload?: unknown): Firing[] {
    const { db, clock, onFire } = this.options;
    const now = clock.now();
    const rows = db
      .prepare('SELECT id, job_id, position, spec, next_run_at FROM triggers WHERE spec IN (?, ?) ORDER BY id')
      .all(normalise({ kind: 'event', name }), normalise({ kind: 'event', name: ANY_EVENT })) as TriggerRow[];
    const firings: Firing[] = rows
      .filter((row) => this.jobs.get(row.job_id)?.active)
      .map((row) => ({ jobId: row.job_id, triggerId: row.id, kind: 'event', scheduledAt: now, batch: false, eventName: name, ...(payload !== undefined ? { payload } : {}) }));
    if (firings.length) {
      db.transaction(() => {
        const mark = db.prepare('UPDATE triggers SET last_fired_at = ? WHERE id = ?');
        for (const f of firings) mark.run(now, f.triggerId);
        onFire(firings);
      }).immediate();
    }
    return firings;
  }

  /** The next due time per trigger position of a job (null: event trigger or inactive). */
  nextRuns(jobId: string): Array<number | null> {
    const rows = this.options.db.prepare('SELECT position, next_run_at FROM triggers WHERE job_id = ? ORDER BY position').all(jobId) as Array<{ position: number; next_run_at: number | null }>;
    return rows.map((r) => r.next_run_at);
  }

  private writeJob(job: ScheduledJob): void {
    const { db, clock } = this.options;
    const now = clock.now();
    this.jobs.set(job.jobId, job);
    const rows = new Map((db.prepare('SELECT id, job_id, position, spec, next_run_at FROM triggers WHERE job_id = ?').all(job.jobId) as TriggerRow[]).map((r) => [r.position, r]));
    job.triggers.forEach((spec, position) => {
      const specJson = normalise(spec);
      const fresh = () => (job.active ? (firstRunAfter(spec, now) ?? null) : null);
      const row = rows.get(position);
      if (!row) {
        db.prepare('INSERT INTO triggers (job_id, position, spec, next_run_at) VALUES (?, ?, ?, ?)').run(job.jobId, position, specJson, fresh());
      } else if (row.spec !== specJson || (job.active && row.next_run_at === null) || (!job.active && row.next_run_at !== null)) {
        // A changed expression, or a job that just became active, starts from now: no catch-up for
        // times that were never scheduled. A persisted due time of an unchanged trigger is kept.
        db.prepare('UPDATE triggers SET spec = ?, next_run_at = ? WHERE id = ?').run(specJson, fresh(), row.id);
      }
    });
    db.prepare('DELETE FROM triggers WHERE job_id = ? AND position >= ?').run(job.jobId, job.triggers.length);
  }

  private afterChange(): void {
    if (this.running) this.arm();
  }

  /** One alarm at the earliest due time of all triggers. */
  private arm(): void {
    if (!this.running) return;
    const { next } = this.options.db.prepare('SELECT MIN(next_run_at) AS next FROM triggers WHERE next_run_at IS NOT NULL').get() as { next: number | null };
    if (next === null) return this.disarm();
    if (next === this.alarmAt) return;
    this.disarm();
    this.alarmAt = next;
    this.cancelAlarm = this.options.waker.at(next, () => {
      this.alarmAt = undefined;
      this.cancelAlarm = undefined;
      this.scan('timer');
    });
  }

  private disarm(): void {
    this.cancelAlarm?.();
    this.cancelAlarm = undefined;
    this.alarmAt = undefined;
  }

  private logMisfire(due: DueClaim, firings: Firing[]): void {
    const late = due.plan.fire.some((f) => f.late) || due.plan.fire.length === 0;
    if (!late) return;
    const job = this.jobs.get(due.jobId);
    this.options.log.info(firings.length ? 'Catching up after missed schedule' : 'Missed schedule skipped by policy', {
      jobId: due.jobId,
      policy: job?.misfire,
      missedSince: new Date(due.expected).toISOString(),
      runs: firings.map((f) => new Date(f.scheduledAt).toISOString()),
      next: new Date(due.plan.next).toISOString(),
    });
  }
}
