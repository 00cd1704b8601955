import { describe, expect, it } from 'vitest';
import { planDue } from '../../../main/triggers/misfire.js';
import { cronSchedule, intervalSchedule } from '../../../main/triggers/schedule.js';

const at = (iso: string) => Date.parse(iso);
const daily = cronSchedule('0 9 * * *');
const due = at('2026-03-02T09:00:00+08:00');
const threeDaysLater = at('2026-03-05T10:00:00+08:00');
const plan = (policy: 'run-once' | 'run-all' | 'skip', now: number, maxCatchUp = 5) => planDue({ schedule: daily, due, now, policy, maxCatchUp, graceMs: 60_000 });

describe('misfire policies', () => {
  it('fires on time when less late than the grace', () => {
    const onTime = { fire: [{ at: due, late: false }], next: at('2026-03-03T09:00:00+08:00') };
    expect(plan('run-once', due + 59_000)).toEqual(onTime);
    expect(plan('skip', due + 59_000)).toEqual(onTime);
    expect(plan('run-all', due + 59_000)).toEqual(onTime);
  });

  it('run-once: one catch-up run for the latest missed time', () => {
    expect(plan('run-once', threeDaysLater)).toEqual({ fire: [{ at: at('2026-03-05T09:00:00+08:00'), late: true }], next: at('2026-03-06T09:00:00+08:00') });
  });

  it('skip: nothing for missed times', () => {
    expect(plan('skip', threeDaysLater)).toEqual({ fire: [], next: at('2026-03-06T09:00:00+08:00') });
    expect(plan('skip', due + 60_000).fire).toEqual([]);
  });

  it('run-all: each missed time, oldest first, bounded by maxCatchUp (the newest kept)', () => {
    expect(plan('run-all', threeDaysLater).fire.map((f) => f.at)).toEqual([
      at('2026-03-02T09:00:00+08:00'),
      at('2026-03-03T09:00:00+08:00'),
      at('2026-03-04T09:00:00+08:00'),
      at('2026-03-05T09:00:00+08:00'),
    ]);
    expect(plan('run-all', threeDaysLater, 2).fire).toEqual([
      { at: at('2026-03-04T09:00:00+08:00'), late: true },
      { at: at('2026-03-05T09:00:00+08:00'), late: true },
    ]);
  });

  it('finds the latest missed time of a frequent trigger after a year asleep', () => {
    const every3 = cronSchedule('*/3 * * * *');
    const yearLater = due + 365 * 86_400_000;
    const result = planDue({ schedule: every3, due, now: yearLater + 2 * 60_000, policy: 'run-once', maxCatchUp: 3, graceMs: 60_000 });
    expect(result).toEqual({ fire: [{ at: yearLater, late: true }], next: yearLater + 3 * 60_000 });
  });

  it('walks an interval back from now on its cadence', () => {
    const every10 = intervalSchedule(600_000, due);
    const result = planDue({ schedule: every10, due, now: due + 35 * 60_000, policy: 'run-all', maxCatchUp: 10, graceMs: 60_000 });
    expect(result.fire.map((f) => (f.at - due) / 60_000)).toEqual([0, 10, 20, 30]);
    expect((result.next - due) / 60_000).toBe(40);
  });
});
