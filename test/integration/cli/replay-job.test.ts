import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { settingsFromV1Env } from '../../../main/monitors/replay.js';
import { v1RecipientName } from '../../../main/monitors/transforms/recipients.js';
import { fixturePath, readFixtureJson } from '../../helpers/fixtures.js';
import { herald } from '../../helpers/cli.js';
import { suiteTempDir as tempDir } from '../../helpers/suite-tmp.js';
import { sameStructure } from '../../helpers/structure.js';

interface FixtureCase {
  id: string;
  job: string;
  runs: Array<{ at: string; file: string }>;
  env: string[];
}
interface Run {
  at: string;
  error?: string;
  messages: Array<{ recipient: string; message: unknown }>;
}

const cases = readFixtureJson<FixtureCase[]>('monitors', 'index.json');

describe('herald replay-job --json reproduces every case of fixtures/monitors', () => {
  it.concurrent.each(cases.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    const sets = Object.entries(settingsFromV1Env(c.job, c.env)).flatMap(([k, v]) => ['--set', `${k}=${JSON.stringify(v)}`]);
    const runs = c.runs.flatMap((r) => ['--run', `${r.at}=${fixturePath('monitors', c.id, r.file)}`]);
    const out = await herald(['replay-job', c.job, ...runs, ...sets, '--json']);
    expect(out.code, out.stderr).toBe(0);
    const got = JSON.parse(out.stdout) as { job: string; runs: Run[] };
    const expected = readFixtureJson<{ runs: Run[] }>('monitors', c.id, 'expected.json');
    expect(got.job).toBe(c.job);
    expect(got.runs.map((r) => r.at)).toEqual(expected.runs.map((r) => r.at));
    expected.runs.forEach((run, i) => {
      const actual = got.runs[i]!;
      expect(actual.messages.length, `run ${i + 1}: number of messages`).toBe(run.messages.length);
      expect(Boolean(actual.error), `run ${i + 1}: error`).toBe(Boolean(run.error));
      run.messages.forEach((m, j) => {
        const a = actual.messages[j]!;
        expect(v1RecipientName(a.recipient), `run ${i + 1} message ${j + 1}: recipient`).toBe(m.recipient);
        if (typeof m.message === 'string') expect(a.message, `run ${i + 1} message ${j + 1}`).toBe(m.message);
        else expect(sameStructure(a.message, m.message), `run ${i + 1} message ${j + 1}: payload`).toBe(true);
      });
    });
  });
});

describe('herald replay-job: options and failures', () => {
  const offline = cases.find((c) => c.job === 'housekeeper-offline-broadcast')!;
  const run1 = `${offline.runs[0]!.at}=${fixturePath('monitors', offline.id, offline.runs[0]!.file)}`;

  it('--set overrides a setting (a wider lookback lets older events through)', async () => {
    const narrow = await herald(['replay-job', offline.job, '--run', run1, '--set', 'lookbackMinutes=1', '--json']);
    const wide = await herald(['replay-job', offline.job, '--run', run1, '--set', 'lookbackMinutes=100000', '--json']);
    expect(narrow.code).toBe(0);
    expect(wide.code).toBe(0);
    const count = (t: string) => (JSON.parse(t) as { runs: Run[] }).runs[0]!.messages.length;
    expect(count(wide.stdout)).toBeGreaterThan(count(narrow.stdout));
  });

  it('without --json prints a summary per run', async () => {
    const out = await herald(['replay-job', offline.job, '--run', run1]);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^housekeeper-offline-broadcast\nrun 1 \(.+\): \d+ message\(s\)/);
  });

  it.concurrent.each([
    { what: 'an unknown job', args: ['no-such-job', '--run', run1], error: /no monitoring job no-such-job/ },
    { what: 'a missing file', args: [offline.job, '--run', '2026-07-01T09:00:00+08:00=missing.json'], error: /Cannot read the card file missing\.json/ },
    { what: 'a time without offset', args: [offline.job, '--run', `2026-07-01T09:00:00=${fixturePath('monitors', offline.id, 'run-1.json')}`], error: /not an ISO 8601 time with an offset/ },
    { what: 'a run without file', args: [offline.job, '--run', '2026-07-01T09:00:00+08:00'], error: /is not AT=FILE/ },
    { what: 'an invalid setting', args: [offline.job, '--run', run1, '--set', 'lookbackMinutes="many"'], error: /settings for housekeeper-offline-broadcast are not valid/ },
  ])('fails with one line on $what', async ({ args, error }) => {
    const out = await herald(['replay-job', ...args, '--json']);
    expect(out.code).not.toBe(0);
    expect(out.stdout).toBe('');
    expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(out.stderr).toMatch(error);
  });

  it('fails with one line on a file that is not JSON', async () => {
    const bad = path.join(tempDir(), 'bad.json');
    fs.writeFileSync(bad, '[{"eventId": 1,');
    const out = await herald(['replay-job', offline.job, '--run', `2026-07-01T09:00:00+08:00=${bad}`, '--json']);
    expect(out.code).toBe(1);
    expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(out.stderr).toMatch(/not valid JSON/);
  });
});
