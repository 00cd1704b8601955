import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/db/open.js';
import { CLI_WITH_TEST_JOBS, herald } from '../../helpers/cli.js';
import { fixturePath } from '../../helpers/fixtures.js';
import { suiteTempDir as tempDir } from '../../helpers/suite-tmp.js';

const sla = (run: number) => fixturePath('monitors', 'sla-02', `run-${run}.json`);
const AT = '2026-10-29T08:10:00+08:00';

function cli(dataDir: string, args: string[]) {
  return herald(['--data-dir', dataDir, ...args], { entry: CLI_WITH_TEST_JOBS });
}

function messages(dataDir: string): Array<{ run_id: number; status: string; channel: string | null; only_channel: string | null; business_type: string }> {
  const db = openDatabase(path.join(dataDir, 'herald.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT run_id, status, channel, only_channel, business_type FROM messages ORDER BY seq').all() as never;
  } finally {
    db.close();
  }
}

describe('herald run', () => {
  it('--dry-run: one run through the runner, every message settled on DRY_RUN; the next run of the same rows enqueues nothing', async () => {
    const dir = tempDir();
    const first = await cli(dir, ['run', 'sla-daily-report', '--input', sla(1), '--at', AT, '--dry-run']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Run #1 of sla-daily-report succeeded in [\d.]+ s \(scheduled 2026-10-29 08:10:00 Asia\/Shanghai\)\./);
    expect(first.stdout).toMatch(/Messages: 3 \(3 new\) — sent 3/);
    expect(first.stdout).toMatch(/Dry run: every message went to DRY_RUN/);
    expect(messages(dir)).toEqual(Array.from({ length: 3 }, () => ({ run_id: 1, status: 'sent', channel: 'DRY_RUN', only_channel: 'DRY_RUN', business_type: 'sla.daily' })));

    const again = await cli(dir, ['run', 'sla-daily-report', '--input', sla(1), '--at', AT, '--json']);
    expect(again.code).toBe(0);
    const report = JSON.parse(again.stdout) as { run: { id: number; status: string; messages: number; messagesNew: number; scheduledAt: string }; messages: Record<string, number> };
    expect(report.run).toMatchObject({ id: 2, status: 'succeeded', messages: 0, messagesNew: 0, scheduledAt: '2026-10-29T00:10:00.000Z' });
    expect(messages(dir)).toHaveLength(3);
  });

  it('delivers through the real outbox (an unconfigured recipient ends dead, as in the app); --no-send leaves them queued', async () => {
    const dir = tempDir();
    const sent = await cli(dir, ['run', 'sla-daily-report', '--input', sla(1), '--at', AT]);
    expect(sent.code).toBe(0);
    expect(sent.stdout).toMatch(/Messages: 3 \(3 new\) — dead 3/);

    const queued = await cli(dir, ['run', 'sla-daily-report', '--input', sla(4), '--at', '2026-10-30T08:10:00+08:00', '--no-send']);
    expect(queued.code).toBe(0);
    expect(queued.stdout).toMatch(/— pending 2/);
    expect(queued.stdout).toMatch(/go out when Herald runs/);
    expect(messages(dir).filter((m) => m.run_id === 2).map((m) => m.status)).toEqual(['pending', 'pending']);
  });

  it('reads a campaign CSV with the Chinese headers as the run input', async () => {
    const dir = tempDir();
    const out = await cli(dir, ['run', 'campaign-sh-2025-05', '--input', fixturePath('repo-tests', 'ContractData-SH-May_01.csv'), '--at', '2025-05-03T10:00:00+08:00', '--dry-run']);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/Counts: contracts 2, duplicates 0, existing 0, records 2, announcements 2, awards 0/);
  });

  it('a failed run: its summary on stdout, one line on stderr, exit 1, nothing written', async () => {
    const dir = tempDir();
    const bad = path.join(tempDir(), 'bad.csv');
    fs.writeFileSync(bad, fs.readFileSync(fixturePath('repo-tests', 'ContractData-SH-May_01.csv'), 'utf8').replace(',2000.0,2000.0,', ',abc,2000.0,'));
    const out = await cli(dir, ['run', 'campaign-sh-2025-05', '--input', bad, '--dry-run']);
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(/^Run #1 of campaign-sh-2025-05 failed/);
    expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(out.stderr).toMatch(/^herald: Run #1 of campaign-sh-2025-05 failed: .*合同金额/);
    expect(messages(dir)).toEqual([]);
  });

  it.concurrent.each([
    { what: 'an unknown job', args: ['run', 'no-such-job'], error: /no-such-job/ },
    { what: 'a missing input file', args: ['run', 'sla-daily-report', '--input', 'missing.json'], error: /Cannot read the input file missing\.json/ },
    { what: 'an input the job does not take', args: ['run', 'sla-daily-report', '--input', fixturePath('monitors', 'README.md')], error: /README\.md is not an input the job sla-daily-report takes/ },
    { what: 'a time without offset', args: ['run', 'sla-daily-report', '--at', '2026-10-29 08:10'], error: /not an ISO 8601 time with an offset/ },
  ])('fails with one line on $what', async ({ args, error }) => {
    const out = await cli(tempDir(), args);
    expect(out.code).not.toBe(0);
    expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(out.stderr).toMatch(error);
  });

  it('with the production catalogue: a run that cannot get its input (no Metabase configured, or the job not built) fails, saying why', async () => {
    const out = await herald(['--data-dir', tempDir(), 'run', 'contact-timeout-report', '--dry-run']);
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(/^Run #1 of contact-timeout-report failed/);
    expect(out.stderr).toMatch(/^herald: Run #1 of contact-timeout-report failed: \S/);
  });
});
