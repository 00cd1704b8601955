import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { herald } from '../../helpers/cli.js';
import { withTestJobs } from '../../helpers/cli/follow-up.js';
import { fixturePath } from '../../helpers/fixtures.js';
import { suiteTempDir as tempDir } from '../../helpers/suite-tmp.js';

async function folderWithRuns(): Promise<string> {
  const dataDir = tempDir();
  await withTestJobs(dataDir, async (run) => {
    await run('campaign-sh-2025-05', fixturePath('repo-tests', 'ContractData-SH-May_01.csv'), '2025-05-03T10:00:00+08:00');
    await run('sla-daily-report', fixturePath('monitors', 'sla-02', 'run-1.json'), '2026-10-29T08:10:00+08:00');
  });
  return dataDir;
}

describe('herald export', () => {
  it('ledger: the campaign’s stored ledger in v1’s PerformanceData columns, to stdout or a file', async () => {
    const dataDir = await folderWithRuns();
    const out = await herald(['--data-dir', dataDir, 'export', 'ledger', 'SH-2025-05']);
    expect(out.code).toBe(0);
    expect(out.stdout.startsWith('\uFEFF活动编号,合同ID(_id),')).toBe(true);
    const rows = parse(out.stdout, { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => r['合同ID(_id)'])).toEqual(['6997900857389134380', '3414993247885901615']);
    // The runs enqueued their announcements but no delivery happened in this folder: a ledger row is
    // flagged announced only once its announcement is delivered (the 2026 outbox's rule).
    expect(rows.map((r) => r['是否发送通知'])).toEqual(['N', 'N']);

    const file = path.join(tempDir(), 'PerformanceData-SH-May.csv');
    const written = await herald(['--data-dir', dataDir, 'export', 'ledger', 'SH-2025-05', '--csv', file]);
    expect(written.stdout).toBe(`2 row(s) of SH-2025-05 written to ${file}\n`);
    expect(fs.readFileSync(file, 'utf8')).toBe(out.stdout);
  });

  it('runs: the run history oldest first as CSV, --since filters, --json gives the API’s summaries', async () => {
    const dataDir = await folderWithRuns();
    const csv = await herald(['--data-dir', dataDir, 'export', 'runs']);
    expect(csv.code).toBe(0);
    const rows = parse(csv.stdout, { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => [r.id, r.job, r.status, r.trigger])).toEqual([
      ['1', 'campaign-sh-2025-05', 'succeeded', 'manual'],
      ['2', 'sla-daily-report', 'succeeded', 'manual'],
    ]);
    expect(rows[1]).toMatchObject({ scheduled_at: '2026-10-29T00:10:00.000Z', messages: '3', messages_new: '3' });

    const later = await herald(['--data-dir', dataDir, 'export', 'runs', '--since', '2999-01-01']);
    expect(later.stdout.trim().split('\n')).toHaveLength(1);
    const json = await herald(['--data-dir', dataDir, 'export', 'runs', '--json']);
    expect((JSON.parse(json.stdout) as Array<{ id: number }>).map((r) => r.id)).toEqual([1, 2]);
  });

  it.each([
    { what: 'an unknown variant', args: ['export', 'ledger', 'BJ-2099-01'], error: /no campaign variant "BJ-2099-01"/ },
    { what: 'a bad --since', args: ['export', 'runs', '--since', 'yesterday'], error: /not an ISO 8601 time/ },
    { what: 'a folder without a database', args: ['export', 'runs'], error: /There is no Herald database/ },
  ])('fails with one line on $what', async ({ args, error }) => {
    const out = await herald(['--data-dir', tempDir(), ...args]);
    expect(out.code).not.toBe(0);
    expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(out.stderr).toMatch(error);
  });
});
