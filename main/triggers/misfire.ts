import type { MisfirePolicy } from '../jobs/types.js';
import type { Schedule } from './schedule.js';

/** Like Quartz's misfire threshold: a firing less late than this is simply on time. */
export const DEFAULT_GRACE_MS = 60_000;

export interface DueFiring {
  /** The scheduled (logical) time the run is for. */
  at: number;
  /** Later than the grace: a catch-up run. */
  late: boolean;
}

export interface DuePlan {
  fire: DueFiring[];
  /** The trigger's next due time after `now`. */
  next: number;
}

export interface DueInput {
  schedule: Schedule;
  /** The persisted due time, at or before `now`. */
  due: number;
  now: number;
  policy: MisfirePolicy;
  maxCatchUp: number;
  graceMs: number;
}

/**
 * What to run for a trigger whose due time has passed, by its misfire policy:
 * `run-once` — the latest missed time (a catch-up run if it is later than the grace);
 * `run-all` — each missed time, the newest `maxCatchUp` of them;
 * `skip` — nothing, unless the latest time is within the grace (then it is simply on time).
 * Missed times are walked backwards from `now`, so a long sleep costs no more than the runs it yields.
 */
export function planDue(input: DueInput): DuePlan {
  const { schedule, due, now, policy, graceMs } = input;
  const afterDue = schedule.next(due);
  let times: number[];
  let next: number;
  if (afterDue > now) {
    // The usual case (timer, tick): only `due` itself has passed — one cron step, no walking back.
    times = [due];
    next = afterDue;
  } else {
    const limit = policy === 'run-all' ? Math.max(1, input.maxCatchUp) : 1;
    times = [];
    for (let t = schedule.latestAtOrBefore(now); t !== undefined && t >= due; t = schedule.previous(t)) {
      times.unshift(t);
      if (times.length >= limit) break;
    }
    if (times.length === 0) times.push(due);
    next = schedule.next(now);
  }
  const all = times.map((at) => ({ at, late: now - at >= graceMs }));
  const latest = all.slice(-1);
  const fire = policy === 'run-all' ? all : policy === 'run-once' ? latest : latest.filter((f) => !f.late);
  return { fire, next };
}
