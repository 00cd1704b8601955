import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../main/shared/clock.js';
import type { Herald } from '../../../main/core/herald.js';
import { tempDir } from '../../helpers/tmp.js';
import { businessRows, ManualWaker, openTestHerald, waitForRun } from '../../helpers/jobs/herald.js';
import { CRASH_VARIANTS, NINE } from './crash-setup.js';

const DAY = 86_400_000;
const opened: Herald[] = [];

afterEach(async () => {
  for (const h of opened.splice(0)) await h.close();
});

/** Starts the child, waits until its pipeline has written (uncommitted) rows, then SIGKILLs it. */
async function crashDuringRun(dataDir: string): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./crash-child.ts', import.meta.url)), dataDir, String(NINE - 60_000)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const runId = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /RUNNING (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`child exited (${code}) before its run started: ${stderr}`)));
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  child.kill('SIGKILL');
  await exited;
  return runId;
}

describe('crash during a run', () => {
  it('marks the run interrupted on restart, keeps none of its rows, and runs the next time on schedule', async () => {
    const dataDir = tempDir();
    const runId = await crashDuringRun(dataDir);

    const clock = new ManualClock(NINE + 5 * 60_000);
    const waker = new ManualWaker();
    const { herald, jobs } = openTestHerald({ dataDir, clock, waker, only: ['rows'], variants: CRASH_VARIANTS });
    opened.push(herald);
    await herald.start();
    const crashed = jobs.runs.get(runId)!;
    expect(crashed).toMatchObject({ status: 'interrupted', trigger_kind: 'cron', scheduled_at: NINE, error_code: 'INTERRUPTED', committed_at: null });
    expect(businessRows(herald.db)).toEqual([]);
    expect(herald.db.prepare('SELECT COUNT(*) AS n FROM test_outbox').get()).toEqual({ n: 0 });
    expect(jobs.scheduler.nextRuns('rows')).toEqual([NINE + DAY]);

    jobs.update('rows', { settings: { rows: 2, messages: 1 } });
    clock.set(NINE + DAY);
    waker.fireAlarms(clock.now());
    const next = jobs.listRuns({ page: 1, pageSize: 1 }).runs[0]!;
    expect(next).toMatchObject({ triggerKind: 'cron', scheduledAt: new Date(NINE + DAY).toISOString() });
    expect((await waitForRun(jobs, next.id)).status).toBe('succeeded');
    expect(businessRows(herald.db).map((r) => [r.run_id, r.value])).toEqual([
      [next.id, 1],
      [next.id, 2],
    ]);
  });
});
