import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../main/db/open.js';
import { migrate } from '../../../main/db/migrate.js';
import { RunStore } from '../../../main/jobs/run-store.js';
import { dailySummaries, pruneRuns } from '../../../main/jobs/retention.js';
import { insertInput, prepareInput } from '../../../main/jobs/input-store.js';
import { tempDir } from '../../helpers/tmp.js';

const DAY = 86_400_000;
const NOW = Date.parse('2026-09-01T12:00:00+08:00');
const dbs: Db[] = [];

function db(): Db {
  const d = openDatabase(path.join(tempDir(), 'herald.sqlite'));
  migrate(d);
  dbs.push(d);
  return d;
}

/** A finished run created at `createdAt`, with counts and a duration. */
function addRun(d: Db, jobId: string, createdAt: number, status: 'succeeded' | 'failed', counts: Record<string, number>, durationMs: number, input?: unknown): number {
  const runs = new RunStore(d);
  const inputRef = input === undefined ? undefined : insertInput(d, prepareInput(input), createdAt).ref;
  const id = runs.insert({ jobId, kind: 'cron', scheduledAt: createdAt, status: 'queued', ...(inputRef ? { inputRef } : {}) }, createdAt);
  d.prepare('UPDATE runs SET counts = ? WHERE id = ?').run(JSON.stringify(counts), id);
  runs.finish(id, { status, durationMs }, createdAt + durationMs);
  runs.appendLogs(id, 0, [{ at: createdAt, level: 'info', message: 'hello' }]);
  return id;
}

afterEach(() => {
  for (const d of dbs.splice(0)) d.close();
});

describe('run retention', () => {
  it('prunes runs older than the retention with their logs and unused inputs, keeping a summary per job and office day', () => {
    const d = db();
    // 2026-03-04 23:30 and 2026-03-05 07:00 in Shanghai fall on two office days (UTC would put them on one).
    const a = addRun(d, 'sla-daily-report', Date.parse('2026-03-04T23:30:00+08:00'), 'succeeded', { violations: 3 }, 1000, { rows: [1] });
    addRun(d, 'sla-daily-report', Date.parse('2026-03-05T07:00:00+08:00'), 'failed', {}, 4000);
    addRun(d, 'sla-daily-report', Date.parse('2026-03-05T09:00:00+08:00'), 'succeeded', { violations: 2, praise: 1 }, 2000, { rows: [2] });
    const recent = addRun(d, 'sla-daily-report', NOW - 10 * DAY, 'succeeded', { violations: 1 }, 500, { rows: [3] });

    const report = pruneRuns(d, NOW, 180);
    expect(report).toEqual({ runs: 3, inputs: 2, summaries: 2 });
    expect(d.prepare('SELECT id FROM runs').all()).toEqual([{ id: recent }]);
    expect(d.prepare('SELECT COUNT(*) AS n FROM run_logs WHERE run_id = ?').get(a)).toEqual({ n: 0 });
    expect(d.prepare('SELECT COUNT(*) AS n FROM run_inputs').get()).toEqual({ n: 1 });
    expect(dailySummaries(d, '2026-01-01')).toEqual([
      { jobId: 'sla-daily-report', day: '2026-03-05', runs: 2, byStatus: { failed: 1, succeeded: 1 }, totalDurationMs: 6000, maxDurationMs: 4000, counts: { violations: 2, praise: 1 } },
      { jobId: 'sla-daily-report', day: '2026-03-04', runs: 1, byStatus: { succeeded: 1 }, totalDurationMs: 1000, maxDurationMs: 1000, counts: { violations: 3 } },
    ]);
  });

  it('adds to a day summary kept by an earlier pass', () => {
    const d = db();
    const day = Date.parse('2026-03-05T08:00:00+08:00');
    addRun(d, 'job', day, 'succeeded', { rows: 1 }, 100);
    pruneRuns(d, NOW, 180);
    addRun(d, 'job', day + 3_600_000, 'succeeded', { rows: 2 }, 300);
    pruneRuns(d, NOW, 180);
    expect(dailySummaries(d, '2026-03-05')).toEqual([
      { jobId: 'job', day: '2026-03-05', runs: 2, byStatus: { succeeded: 2 }, totalDurationMs: 400, maxDurationMs: 300, counts: { rows: 3 } },
    ]);
  });

  it('keeps a shared input snapshot that a recent run still refers to', () => {
    const d = db();
    addRun(d, 'job', NOW - 200 * DAY, 'succeeded', {}, 1, { same: true });
    addRun(d, 'job', NOW - DAY, 'succeeded', {}, 1, { same: true });
    expect(pruneRuns(d, NOW, 180)).toMatchObject({ runs: 1, inputs: 0 });
    expect(d.prepare('SELECT COUNT(*) AS n FROM run_inputs').get()).toEqual({ n: 1 });
  });

  it('follows the retention setting', () => {
    const d = db();
    addRun(d, 'job', NOW - 40 * DAY, 'succeeded', {}, 1);
    expect(pruneRuns(d, NOW, 180).runs).toBe(0);
    expect(pruneRuns(d, NOW, 30).runs).toBe(1);
  });
});
