import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_WITH_TEST_JOBS, herald } from '../../helpers/cli.js';
import { fixturePath } from '../../helpers/fixtures.js';
import { suiteTempDir as tempDir } from '../../helpers/suite-tmp.js';

interface Status {
  dataDir: string;
  runningHerald: unknown;
  pausedAll: boolean;
  jobs: Array<{ id: string; lastRun: { id: number; status: string } | null; nextRunAt: string | null }>;
  outbox: { statusCounts: Record<string, number>; sendingEnabled: boolean };
}

describe('herald status', () => {
  it('lists every job with its last run and the outbox counts by status (read-only, no lock taken)', async () => {
    const dataDir = tempDir();
    const run = await herald(['--data-dir', dataDir, 'run', 'sla-daily-report', '--input', fixturePath('monitors', 'sla-02', 'run-1.json'), '--at', '2026-10-29T08:10:00+08:00', '--dry-run'], { entry: CLI_WITH_TEST_JOBS });
    expect(run.code).toBe(0);
    const json = await herald(['--data-dir', dataDir, 'status', '--json'], { entry: CLI_WITH_TEST_JOBS });
    expect(json.code).toBe(0);
    const status = JSON.parse(json.stdout) as Status;
    expect(status.runningHerald).toBeNull();
    expect(status.jobs.find((j) => j.id === 'sla-daily-report')?.lastRun).toMatchObject({ id: 1, status: 'succeeded' });
    expect(status.jobs.find((j) => j.id === 'pending-orders-reminder')?.lastRun).toBeNull();
    expect(status.outbox.statusCounts).toMatchObject({ sent: 3, pending: 0, unknown: 0, dead: 0 });

    const text = await herald(['--data-dir', dataDir, 'status'], { entry: CLI_WITH_TEST_JOBS });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/: not running/);
    expect(text.stdout).toMatch(/^sla-daily-report\s+\S+\s+\S.*#1 succeeded \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/m);
    expect(text.stdout).toMatch(/^Outbox: pending 0, sending 0, sent 3, unknown 0, failed 0, dead 0, cancelled 0$/m);
  });

  it('fails with one line on a folder without a database (and does not create one)', async () => {
    const dataDir = tempDir();
    const out = await herald(['--data-dir', dataDir, 'status']);
    expect(out.code).toBe(1);
    expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(out.stderr).toMatch(/There is no Herald database in/);
    expect(fs.existsSync(path.join(dataDir, 'herald.sqlite'))).toBe(false);
  });
});
