import type { ShadowConfig } from './config.js';

/**
 * The figures of seed 001, computed from stored run rows and a clock value: per run the candidate
 * against the control; per job, over a window, whether the candidate is ready to promote and
 * whether a rollback trigger fired. Pure: no database, no clock of its own.
 */

const DAY_MS = 86_400_000;
const EPSILON = 1e-12;

export interface SideFigures {
  durationMs: number;
  peakMemoryBytes: number | null;
  /** The side's error message, or null when it succeeded. A timeout is an error. */
  error: string | null;
}

export interface KpiRun {
  id: number;
  startedAt: number;
  mode: 'shadow' | 'candidate';
  control: SideFigures | null;
  candidate: SideFigures | null;
  /** Share of agreeing records and messages; null when nothing was compared. */
  consistency: number | null;
  consistent: boolean | null;
  /** Delivery outcome of the run's live messages, when the outbox reported it. */
  notifications: { sent: number; failed: number } | null;
}

export interface RunCheck {
  timeRatio: number | null;
  memoryRatio: number | null;
  candidateFailed: boolean;
  /** The failed criteria: `time`, `memory`, `error`, `consistency`. */
  failures: Array<'time' | 'memory' | 'error' | 'consistency'>;
  /** False when the run says nothing about the candidate (the control failed, nothing compared). */
  counts: boolean;
}

const ratio = (candidate: number | null | undefined, control: number | null | undefined): number | null =>
  candidate === null || candidate === undefined || !control ? null : candidate / control;

/** Time ratio, unless both durations are below the floor (a few milliseconds say nothing). */
function timeRatioOf(candidate: number | undefined, control: number | null | undefined, config: ShadowConfig): number | null {
  if (candidate === undefined || control === null || control === undefined) return null;
  return Math.max(candidate, control) < config.timeFloorMs ? null : ratio(candidate, control);
}

export function checkRun(run: KpiRun, config: ShadowConfig): RunCheck {
  const t = config.thresholds;
  const candidateFailed = run.candidate?.error != null;
  const controlOk = run.control !== null && run.control.error === null;
  const timeRatio = controlOk ? timeRatioOf(run.candidate?.durationMs, run.control?.durationMs, config) : null;
  const memoryRatio = controlOk ? ratio(run.candidate?.peakMemoryBytes, run.control?.peakMemoryBytes) : null;
  const failures: RunCheck['failures'] = [];
  if (candidateFailed) failures.push('error');
  if (!candidateFailed && timeRatio !== null && timeRatio > t.maxTimeRatio + EPSILON) failures.push('time');
  if (!candidateFailed && memoryRatio !== null && memoryRatio > t.maxMemoryRatio + EPSILON) failures.push('memory');
  if (run.consistency !== null && run.consistency < t.minConsistency - EPSILON) failures.push('consistency');
  const counts = run.candidate !== null && (candidateFailed || (controlOk && run.consistency !== null));
  return { timeRatio, memoryRatio, candidateFailed, failures, counts };
}

export interface Criterion {
  value: number | null;
  threshold: number;
  ok: boolean;
}

export interface KpiSummary {
  window: { from: number; to: number; runs: number };
  timeRatio: Criterion;
  memoryRatio: Criterion;
  errorRate: Criterion;
  consistency: Criterion;
  notificationSuccess: Criterion;
  /** The newest unbroken run of passing comparisons. */
  streak: { runs: number; since: number | null; spanMs: number };
  ready: boolean;
  /** What still stands between the candidate and promotion. */
  blockers: string[];
  trend: Array<{ runId: number; at: number; timeRatio: number | null; memoryRatio: number | null; consistency: number | null; candidateFailed: boolean }>;
}

function median(values: number[]): number | null {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const mean = (values: number[]): number | null => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);

function windowOf(runs: readonly KpiRun[], now: number, config: ShadowConfig): KpiRun[] {
  const from = now - config.windowDays * DAY_MS;
  return runs.filter((r) => r.startedAt >= from && r.startedAt <= now).sort((a, b) => a.startedAt - b.startedAt || a.id - b.id);
}

export function errorRate(runs: readonly KpiRun[]): number | null {
  const attempts = runs.filter((r) => r.candidate !== null);
  return attempts.length ? attempts.filter((r) => r.candidate!.error !== null).length / attempts.length : null;
}

export function notificationSuccess(runs: readonly KpiRun[]): number | null {
  let sent = 0;
  let failed = 0;
  for (const r of runs) {
    sent += r.notifications?.sent ?? 0;
    failed += r.notifications?.failed ?? 0;
  }
  return sent + failed ? sent / (sent + failed) : null;
}

/** Seed 001's KPIs over the window ending `now`, and readiness to promote. */
export function summarise(runs: readonly KpiRun[], now: number, config: ShadowConfig): KpiSummary {
  const t = config.thresholds;
  const inWindow = windowOf(runs, now, config);
  const checks = inWindow.map((r) => ({ run: r, check: checkRun(r, config) }));
  const timeRatio = median(checks.flatMap((c) => (c.check.timeRatio === null ? [] : [c.check.timeRatio])));
  const memoryRatio = median(checks.flatMap((c) => (c.check.memoryRatio === null ? [] : [c.check.memoryRatio])));
  const consistency = mean(inWindow.flatMap((r) => (r.consistency === null ? [] : [r.consistency])));
  const errors = errorRate(inWindow);
  const notified = notificationSuccess(inWindow);

  let streakRuns: KpiRun[] = [];
  for (const { run, check } of [...checks].reverse()) {
    if (!check.counts) continue;
    if (check.failures.length) break;
    streakRuns = [run, ...streakRuns];
  }
  const since = streakRuns[0]?.startedAt ?? null;
  const spanMs = streakRuns.length ? streakRuns[streakRuns.length - 1]!.startedAt - streakRuns[0]!.startedAt : 0;

  const criterion = (value: number | null, threshold: number, ok: (v: number) => boolean): Criterion => ({ value, threshold, ok: value === null || ok(value) });
  const summary = {
    timeRatio: criterion(timeRatio, t.maxTimeRatio, (v) => v <= t.maxTimeRatio + EPSILON),
    memoryRatio: criterion(memoryRatio, t.maxMemoryRatio, (v) => v <= t.maxMemoryRatio + EPSILON),
    errorRate: criterion(errors, t.maxErrorRate, (v) => v < t.maxErrorRate),
    consistency: criterion(consistency, t.minConsistency, (v) => v >= t.minConsistency - EPSILON),
    notificationSuccess: criterion(notified, t.minNotificationSuccess, (v) => v >= t.minNotificationSuccess - EPSILON),
  };
  const blockers: string[] = [];
  if (streakRuns.length < config.minRuns) blockers.push('runs');
  if (spanMs < config.minSpanDays * DAY_MS) blockers.push('span');
  for (const [name, c] of Object.entries(summary)) if (!c.ok) blockers.push(name);
  return {
    window: { from: now - config.windowDays * DAY_MS, to: now, runs: inWindow.length },
    ...summary,
    streak: { runs: streakRuns.length, since, spanMs },
    ready: blockers.length === 0,
    blockers,
    trend: checks.map(({ run, check }) => ({
      runId: run.id,
      at: run.startedAt,
      timeRatio: check.timeRatio,
      memoryRatio: check.memoryRatio,
      consistency: run.consistency,
      candidateFailed: check.candidateFailed,
    })),
  };
}

export type TriggerKind = 'error-rate' | 'notification-failure' | 'slow' | 'inconsistency';

export interface FiredTrigger {
  kind: TriggerKind;
  value: number;
  threshold: number;
}

/**
 * The rollback triggers fired by the newest run (spec §6: error rate > 1 %, notification failure
 * > 5 %, time > 150 % of the control, any inconsistency). Rates are over the window, but a rate
 * fires only on a run that adds to it, so one bad run does not alert on every later run.
 */
export function firedTriggers(latest: KpiRun, runs: readonly KpiRun[], now: number, config: ShadowConfig): FiredTrigger[] {
  const tr = config.triggers;
  const inWindow = windowOf(runs, now, config);
  const fired: FiredTrigger[] = [];
  const errors = errorRate(inWindow);
  if (latest.candidate?.error != null && errors !== null && errors > tr.errorRate) fired.push({ kind: 'error-rate', value: errors, threshold: tr.errorRate });
  const success = notificationSuccess(inWindow);
  if ((latest.notifications?.failed ?? 0) > 0 && success !== null && 1 - success > tr.notificationFailure) {
    fired.push({ kind: 'notification-failure', value: 1 - success, threshold: tr.notificationFailure });
  }
  const time = latestTimeRatio(latest, inWindow, config);
  if (time !== null && time > tr.timeRatio + EPSILON) fired.push({ kind: 'slow', value: time, threshold: tr.timeRatio });
  if (tr.inconsistency && latest.consistent === false) fired.push({ kind: 'inconsistency', value: latest.consistency ?? 0, threshold: 1 });
  return fired;
}

/**
 * The newest run's candidate time against its control; a live candidate with no control beside it
 * is measured against the median control time of the window's earlier comparisons.
 */
function latestTimeRatio(latest: KpiRun, inWindow: readonly KpiRun[], config: ShadowConfig): number | null {
  if (!latest.candidate || latest.candidate.error !== null) return null;
  if (latest.control && latest.control.error === null) return timeRatioOf(latest.candidate.durationMs, latest.control.durationMs, config);
  const baseline = median(inWindow.flatMap((r) => (r.id !== latest.id && r.control && r.control.error === null ? [r.control.durationMs] : [])));
  return timeRatioOf(latest.candidate.durationMs, baseline, config);
}
