import schedule from 'node-schedule';
import type { Clock } from '../shared/clock.js';

/**
 * What wakes the scheduler: a one-shot alarm at the next due time and a periodic tick. Only a
 * wake-up call — the scheduler always re-reads the database and the clock, so an alarm that fires
 * late, twice or in a burst after sleep does no harm. Tests pass a hand-driven waker.
 */
export interface Waker {
  at(epochMs: number, fn: () => void): () => void;
  every(ms: number, fn: () => void): () => void;
}

/** Delays up to this are plain timers; node-schedule refuses dates it considers already past. */
const SHORT_DELAY_MS = 1000;

/** node-schedule for the alarm (it handles delays beyond setTimeout's 24.8-day limit), setInterval for the tick. */
export function systemWaker(clock: Clock): Waker {
  return {
    at(epochMs, fn) {
      const delay = epochMs - clock.now();
      if (delay <= SHORT_DELAY_MS) {
        const timer = setTimeout(fn, Math.max(0, delay));
        timer.unref();
        return () => clearTimeout(timer);
      }
      const job = schedule.scheduleJob(new Date(Date.now() + delay), fn);
      return () => job?.cancel();
    },
    every(ms, fn) {
      const timer = setInterval(fn, ms);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}
