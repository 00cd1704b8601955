import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../main/db/open.js';
import { migrate } from '../../../main/db/migrate.js';
import { ManualClock } from '../../../main/shared/clock.js';
import { PowerEvents } from '../../../main/core/power.js';
import { createLogger } from '../../../main/logging/logger.js';
import { Scheduler, type Firing, type ScheduledJob } from '../../../main/triggers/scheduler.js';
import { tempDir } from '../../helpers/tmp.js';
import { ManualWaker } from '../../helpers/jobs/herald.js';

const at = (iso: string) => Date.parse(iso);
const NINE = at('2026-03-02T09:00:00+08:00');
const dbs: Db[] = [];

function setup(file = path.join(tempDir(), 'herald.sqlite'), clock = new ManualClock(NINE - 60_000)) {
  const db = openDatabase(file);
  dbs.push(db);
  migrate(db);
  const fired: Firing[] = [];
  const waker = new ManualWaker();
  const power = new PowerEvents();
  let failNext = false;
  const scheduler = new Scheduler({
    db,
    clock,
    waker,
    power,
    log: createLogger('test'),
    onFire: (firings) => {
      if (failNext) {
        failNext = false;
        throw new Error('handler failed');
      }
      fired.push(...firings);
    },
  });
  return { db, file, clock, fired, waker, power, scheduler, failOnce: () => (failNext = true) };
}

const job = (patch: Partial<ScheduledJob> = {}): ScheduledJob => ({
  jobId: 'report',
  triggers: [{ kind: 'cron', expression: '0 9 * * *' }],
  active: true,
  misfire: 'run-once',
  maxCatchUp: 3,
  ...patch,
});

const nextRunAt = (db: Db) => (db.prepare("SELECT next_run_at FROM triggers WHERE job_id = 'report'").get() as { next_run_at: number | null }).next_run_at;

afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

describe('scheduler', () => {
  it('persists each trigger’s next run and keeps it across a restart', () => {
    const a = setup();
    a.scheduler.sync([job()]);
    expect(nextRunAt(a.db)).toBe(NINE);
    a.db.close();
    dbs.splice(dbs.indexOf(a.db), 1);

    const b = setup(a.file, new ManualClock(NINE - 30_000));
    b.scheduler.sync([job()]);
    expect(nextRunAt(b.db)).toBe(NINE);
    expect(b.scheduler.nextRuns('report')).toEqual([NINE]);
  });

  it('recomputes from now when the expression changes, and clears inactive jobs', () => {
    const s = setup();
    s.scheduler.sync([job()]);
    s.scheduler.update(job({ triggers: [{ kind: 'cron', expression: '30 8 * * *' }] }));
    expect(nextRunAt(s.db)).toBe(at('2026-03-03T08:30:00+08:00'));
    s.scheduler.update(job({ active: false }));
    expect(nextRunAt(s.db)).toBeNull();
    // Enabled again two days later: from then on, no catch-up for the days it was off.
    s.clock.set(at('2026-03-04T10:00:00+08:00'));
    s.scheduler.update(job());
    expect(nextRunAt(s.db)).toBe(at('2026-03-05T09:00:00+08:00'));
  });

  it('removes the triggers of jobs no longer declared', () => {
    const s = setup();
    s.scheduler.sync([job(), job({ jobId: 'gone' })]);
    s.scheduler.sync([job()]);
    expect(s.db.prepare('SELECT DISTINCT job_id FROM triggers').all()).toEqual([{ job_id: 'report' }]);
  });

  it('fires a due time once when the timer, the tick and the resume scan all see it', () => {
    const s = setup();
    s.scheduler.sync([job()]);
    s.scheduler.start();
    expect(s.waker.nextAlarm()).toBe(NINE);
    s.clock.set(NINE + 500);
    s.waker.fireAlarms(s.clock.now());
    s.waker.tick();
    s.power.emit('resume');
    s.scheduler.scan('tick');
    expect(s.fired).toEqual([{ jobId: 'report', triggerId: expect.any(Number), kind: 'cron', scheduledAt: NINE, batch: false }]);
    expect(nextRunAt(s.db)).toBe(at('2026-03-03T09:00:00+08:00'));
    expect(s.waker.nextAlarm()).toBe(at('2026-03-03T09:00:00+08:00'));
    s.scheduler.stop();
  });

  it('lets only one of two connections claim the same due time', () => {
    const a = setup();
    a.scheduler.sync([job()]);
    const b = setup(a.file, a.clock);
    b.scheduler.sync([job()]);
    a.clock.set(NINE + 1000);
    const seenByA = a.scheduler.due();
    const seenByB = b.scheduler.due();
    expect(seenByA).toHaveLength(1);
    expect(seenByB).toHaveLength(1);
    expect(b.scheduler.claim(seenByB[0]!)).toHaveLength(1);
    expect(a.scheduler.claim(seenByA[0]!)).toEqual([]);
    expect([...a.fired, ...b.fired].map((f) => f.scheduledAt)).toEqual([NINE]);
  });

  it('leaves the due time unclaimed when recording the firing fails, and fires it on the next scan', () => {
    const s = setup();
    s.scheduler.sync([job()]);
    s.clock.set(NINE);
    s.failOnce();
    expect(s.scheduler.scan('tick')).toEqual([]);
    expect(nextRunAt(s.db)).toBe(NINE);
    expect(s.scheduler.scan('tick').map((f) => f.scheduledAt)).toEqual([NINE]);
  });

  it('does not fire paused or disabled jobs', () => {
    const s = setup();
    s.scheduler.sync([job({ active: false })]);
    s.clock.set(NINE + 1000);
    expect(s.scheduler.scan('tick')).toEqual([]);
  });

  it('fires event triggers of active jobs by name, with the payload and the current time', () => {
    const s = setup();
    s.scheduler.sync([
      job({ jobId: 'a', triggers: [{ kind: 'event', name: 'data-updated' }] }),
      job({ jobId: 'b', triggers: [{ kind: 'cron', expression: '0 9 * * *' }, { kind: 'event', name: 'data-updated' }] }),
      job({ jobId: 'c', triggers: [{ kind: 'event', name: 'data-updated' }], active: false }),
      job({ jobId: 'd', triggers: [{ kind: 'event', name: 'other' }] }),
    ]);
    const firings = s.scheduler.fireEvent('data-updated', { values: [1] });
    expect(firings.map((f) => [f.jobId, f.kind, f.scheduledAt, f.eventName, f.payload])).toEqual([
      ['a', 'event', NINE - 60_000, 'data-updated', { values: [1] }],
      ['b', 'event', NINE - 60_000, 'data-updated', { values: [1] }],
    ]);
    expect(s.scheduler.nextRuns('a')).toEqual([null]);
  });

  it('fires an event trigger named * on every event, beside the triggers of that name', () => {
    const s = setup();
    s.scheduler.sync([job({ jobId: 'any', triggers: [{ kind: 'event', name: '*' }] }), job({ jobId: 'named', triggers: [{ kind: 'event', name: 'order.created' }] })]);
    expect(s.scheduler.fireEvent('order.created', { text: 'x' }).map((f) => [f.jobId, f.eventName])).toEqual([
      ['any', 'order.created'],
      ['named', 'order.created'],
    ]);
    expect(s.scheduler.fireEvent('other').map((f) => [f.jobId, f.eventName])).toEqual([['any', 'other']]);
  });

  it('runs an interval trigger on its cadence', () => {
    const s = setup();
    s.scheduler.sync([job({ triggers: [{ kind: 'interval', everyMs: 600_000 }] })]);
    expect(nextRunAt(s.db)).toBe(NINE - 60_000 + 600_000);
    s.clock.set(NINE - 60_000 + 600_000 + 5_000);
    expect(s.scheduler.scan('tick').map((f) => f.kind)).toEqual(['interval']);
    expect(nextRunAt(s.db)).toBe(NINE - 60_000 + 1_200_000);
  });
});
