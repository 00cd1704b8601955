import cronParser from 'cron-parser';
import type { TriggerSpec } from '../jobs/types.js';
import { OFFICE_TIME_ZONE } from '../shared/shanghai-time.js';

/** The office's time zone: cron expressions without a zone are read in it. */
export const DEFAULT_TIME_ZONE = OFFICE_TIME_ZONE;

/**
 * The times a time-based trigger fires at, as epoch milliseconds. `next` is strictly after its
 * argument; `latestAtOrBefore` is the newest time not after its argument (never before `anchor`).
 */
export interface Schedule {
  next(after: number): number;
  latestAtOrBefore(at: number): number | undefined;
  /** The time before `time` (for walking back over missed times). */
  previous(time: number): number | undefined;
}

export function cronSchedule(expression: string, timeZone = DEFAULT_TIME_ZONE): Schedule {
  const iterate = (from: number) => cronParser.parseExpression(expression, { currentDate: new Date(from), tz: timeZone });
  // A 5-field expression fires on whole minutes, so the next time after `after` is at or after the
  // next minute boundary. Starting cron-parser at second 59 spares it stepping through every
  // second of the current minute (each step a time-zone conversion): ~20× faster.
  const wholeMinutes = expression.trim().split(/\s+/).length === 5;
  const startForNext = (after: number) => (wholeMinutes ? Math.floor(after / 60_000) * 60_000 + 59_000 : after);
  const back = (before: number): number | undefined => {
    try {
      return iterate(before).prev().getTime();
    } catch {
      return undefined; // cron-parser gives up when no earlier time exists within its search range
    }
  };
  return {
    next: (after) => iterate(Math.max(after, startForNext(after))).next().getTime(),
    // cron-parser's prev() is strictly before its start, and it works in whole seconds.
    latestAtOrBefore: (at) => back(at + 1),
    previous: (time) => back(time),
  };
}

/** Fixed interval, anchored at `anchor` so the cadence survives restarts and catch-up. */
export function intervalSchedule(everyMs: number, anchor: number): Schedule {
  const index = (t: number) => Math.floor((t - anchor) / everyMs);
  return {
    next: (after) => anchor + (Math.max(index(after), -1) + 1) * everyMs,
    latestAtOrBefore: (at) => (at < anchor ? undefined : anchor + index(at) * everyMs),
    previous: (time) => (time - everyMs < anchor ? undefined : time - everyMs),
  };
}

/**
 * The schedule of a time-based trigger; `undefined` for event triggers. An interval is anchored at
 * its first due time (the persisted one once it exists), or at `now` for a brand-new trigger.
 */
export function scheduleFor(spec: TriggerSpec, anchor: number): Schedule | undefined {
  switch (spec.kind) {
    case 'cron':
      return cronSchedule(spec.expression, spec.timeZone ?? DEFAULT_TIME_ZONE);
    case 'interval':
      return intervalSchedule(spec.everyMs, anchor);
    case 'event':
      return undefined;
  }
}

/** The first due time of a trigger from `now`: cron's next time; an interval's first period end. */
export function firstRunAfter(spec: TriggerSpec, now: number): number | undefined {
  if (spec.kind === 'interval') return now + spec.everyMs;
  return scheduleFor(spec, now)?.next(now);
}
