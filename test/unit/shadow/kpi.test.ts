import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../main/shared/clock.js';
import { ShadowConfigSchema, type ShadowConfigInput } from '../../../main/shadow/config.js';
import { checkRun, firedTriggers, summarise, type KpiRun } from '../../../main/shadow/kpi.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2025, 8, 1, 1, 0, 0);
const config = (input: ShadowConfigInput = {}) => ShadowConfigSchema.parse(input);

let nextId = 1;
function run(at: number, o: { control?: number; candidate?: number; mem?: [number, number]; error?: string; consistency?: number; mode?: 'shadow' | 'candidate'; notifications?: { sent: number; failed: number } } = {}): KpiRun {
  const [cm, km] = o.mem ?? [100, 120];
  const consistency = o.error ? null : (o.consistency ?? 1);
  return {
    id: nextId++,
    startedAt: at,
    mode: o.mode ?? 'shadow',
    control: o.mode === 'candidate' ? null : { durationMs: o.control ?? 1000, peakMemoryBytes: cm, error: null },
    candidate: { durationMs: o.candidate ?? 1100, peakMemoryBytes: km, error: o.error ?? null },
    consistency: o.mode === 'candidate' ? null : consistency,
    consistent: o.mode === 'candidate' || consistency === null ? null : consistency === 1,
    notifications: o.notifications ?? null,
  };
}

describe('per-run check', () => {
  it('passes a candidate within 1.2× time, 1.5× memory, without error and fully consistent', () => {
    expect(checkRun(run(T0, { control: 1000, candidate: 1200, mem: [100, 150] }), config())).toMatchObject({ timeRatio: 1.2, memoryRatio: 1.5, failures: [], counts: true });
  });

  it('names each failed criterion', () => {
    expect(checkRun(run(T0, { control: 1000, candidate: 1300 }), config()).failures).toEqual(['time']);
    expect(checkRun(run(T0, { mem: [100, 151] }), config()).failures).toEqual(['memory']);
    expect(checkRun(run(T0, { consistency: 0.99 }), config()).failures).toEqual(['consistency']);
    expect(checkRun(run(T0, { error: 'boom' }), config()).failures).toEqual(['error']);
  });

  it('leaves the time ratio out when both sides take less than the floor', () => {
    expect(checkRun(run(T0, { control: 3, candidate: 9 }), config())).toMatchObject({ timeRatio: null, failures: [] });
    expect(checkRun(run(T0, { control: 3, candidate: 9 }), config({ timeFloorMs: 0 })).failures).toEqual(['time']);
  });

  it('uses the job thresholds', () => {
    expect(checkRun(run(T0, { control: 1000, candidate: 1300 }), config({ thresholds: { maxTimeRatio: 1.5 } })).failures).toEqual([]);
  });
});

describe('KPIs and readiness over a window', () => {
  it('becomes ready after N passing runs spanning 3 days, not before', () => {
    const clock = new ManualClock(T0);
    const runs: KpiRun[] = [];
    const readiness: boolean[] = [];
    for (let day = 0; day < 5; day++) {
      runs.push(run(clock.now()));
      readiness.push(summarise(runs, clock.now(), config()).ready);
      clock.advance(DAY);
    }
    // Runs on days 0..3 span 3 days: ready from the fourth run on.
    expect(readiness).toEqual([false, false, false, true, true]);
    const s = summarise(runs, clock.now(), config());
    expect(s.streak).toEqual({ runs: 5, since: T0, spanMs: 4 * DAY });
    expect(s.timeRatio).toEqual({ value: 1.1, threshold: 1.2, ok: true });
    expect(s.memoryRatio).toMatchObject({ value: 1.2, ok: true });
    expect(s.errorRate).toMatchObject({ value: 0, ok: true });
    expect(s.consistency).toMatchObject({ value: 1, ok: true });
    expect(s.notificationSuccess).toMatchObject({ value: null, ok: true });
    expect(s.trend).toHaveLength(5);
  });

  it('needs minRuns runs even when they span enough days', () => {
    const runs = [run(T0), run(T0 + 4 * DAY)];
    expect(summarise(runs, T0 + 4 * DAY, config()).blockers).toEqual(['runs']);
    expect(summarise(runs, T0 + 4 * DAY, config({ minRuns: 2 })).ready).toBe(true);
  });

  it('restarts the streak after a failing run and blocks on the window error rate', () => {
    const runs = [run(T0), run(T0 + DAY, { error: 'boom' }), run(T0 + 2 * DAY), run(T0 + 3 * DAY), run(T0 + 4 * DAY), run(T0 + 5 * DAY)];
    const s = summarise(runs, T0 + 5 * DAY, config());
    expect(s.streak).toMatchObject({ runs: 4, since: T0 + 2 * DAY, spanMs: 3 * DAY });
    expect(s.errorRate).toMatchObject({ value: 1 / 6, ok: false });
    expect(s.ready).toBe(false);
    expect(s.blockers).toEqual(['errorRate']);
    // A week later the failure has left the window.
    const later = [...runs, run(T0 + 9 * DAY)];
    expect(summarise(later, T0 + 9 * DAY, config()).ready).toBe(true);
  });

  it('blocks on inconsistency and on slow or memory-hungry candidates', () => {
    const days = (o: Parameters<typeof run>[1]) => [0, 1, 2, 3].map((d) => run(T0 + d * DAY, d === 3 ? o : {}));
    // The inconsistent newest run breaks the streak, and the window's consistency drops below 100 %.
    expect(summarise(days({ consistency: 0.5 }), T0 + 3 * DAY, config()).blockers).toEqual(['runs', 'span', 'consistency']);
    const slow = [0, 1, 2, 3].map((d) => run(T0 + d * DAY, { control: 1000, candidate: 1300 }));
    expect(summarise(slow, T0 + 3 * DAY, config()).blockers).toEqual(['runs', 'span', 'timeRatio']);
  });

  it('computes notification success from delivery outcomes', () => {
    const runs = [0, 1, 2, 3].map((d) => run(T0 + d * DAY, { notifications: { sent: 9, failed: 1 } }));
    const s = summarise(runs, T0 + 3 * DAY, config());
    expect(s.notificationSuccess).toEqual({ value: 0.9, threshold: 0.95, ok: false });
    expect(s.blockers).toEqual(['notificationSuccess']);
  });

  it('leaves out runs whose control failed (nothing to compare) without breaking the streak', () => {
    const broken: KpiRun = { ...run(T0 + 2 * DAY), control: { durationMs: 5, peakMemoryBytes: 1, error: 'control failed' }, consistency: null, consistent: null };
    const runs = [run(T0), run(T0 + DAY), broken, run(T0 + 3 * DAY)];
    expect(summarise(runs, T0 + 3 * DAY, config()).streak.runs).toBe(3);
  });
});

describe('rollback triggers', () => {
  it('fires on any inconsistency and on a candidate slower than 1.5×', () => {
    const latest = run(T0, { consistency: 0.9, control: 1000, candidate: 1600 });
    expect(firedTriggers(latest, [latest], T0, config()).map((t) => t.kind)).toEqual(['slow', 'inconsistency']);
    const fine = run(T0, { control: 1000, candidate: 1500 });
    expect(firedTriggers(fine, [fine], T0, config())).toEqual([]);
  });

  it('fires on the error rate only on the run that adds an error', () => {
    const runs = Array.from({ length: 150 }, (_, i) => run(T0 + i * 60_000));
    const failing = run(T0 + 200 * 60_000, { error: 'boom' });
    runs.push(failing);
    // 1 of 151 is below 1 %: no trigger; a second error puts it above.
    expect(firedTriggers(failing, runs, failing.startedAt, config())).toEqual([]);
    const second = run(T0 + 201 * 60_000, { error: 'boom' });
    runs.push(second);
    expect(firedTriggers(second, runs, second.startedAt, config())).toEqual([{ kind: 'error-rate', value: 2 / 152, threshold: 0.01 }]);
    const after = run(T0 + 202 * 60_000);
    runs.push(after);
    expect(firedTriggers(after, runs, after.startedAt, config())).toEqual([]);
  });

  it('measures a live candidate without a control against the window median control time', () => {
    const earlier = [run(T0, { control: 1000 }), run(T0 + 1, { control: 1200 }), run(T0 + 2, { control: 800 })];
    const live = run(T0 + 3, { mode: 'candidate', candidate: 1600 });
    expect(firedTriggers(live, [...earlier, live], T0 + 3, config())).toEqual([{ kind: 'slow', value: 1.6, threshold: 1.5 }]);
  });

  it('fires on notification failures above 5 %', () => {
    const live = run(T0, { mode: 'candidate', notifications: { sent: 18, failed: 2 } });
    const fired = firedTriggers(live, [live], T0, config());
    expect(fired).toMatchObject([{ kind: 'notification-failure', threshold: 0.05 }]);
    expect(fired[0]!.value).toBeCloseTo(0.1, 12);
  });
});
