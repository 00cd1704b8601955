import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { herald, heraldProcess, stopProcess } from '../../helpers/cli.js';
import { fixturePath } from '../../helpers/fixtures.js';
import { suiteTempDir as tempDir } from '../../helpers/suite-tmp.js';

let server: ChildProcess | undefined;
afterEach(async () => {
  if (server) await stopProcess(server);
  server = undefined;
});

describe('the data-folder lock and the CLI', () => {
  // Nine CLI processes one after the other: on a loaded machine that is more than the default timeout.
  it('with Herald running on the folder, data-changing commands fail with one line naming it; read-only commands work beside it', { timeout: 120_000 }, async () => {
    const dataDir = tempDir();
    const started = await heraldProcess(['--data-dir', dataDir, 'start', '--headless'], /Open http:\/\/127\.0\.0\.1:\d+/);
    server = started.child;
    const pid = started.child.pid!;
    const cli = (args: string[]) => herald(['--data-dir', dataDir, ...args]);

    const changing = [
      ['run', 'sla-daily-report', '--dry-run'],
      ['import-v1', fixturePath('repo-tests')],
      ['db', 'restore', path.join(dataDir, 'herald.sqlite')],
    ];
    for (const args of changing) {
      const out = await cli(args);
      expect(out.code, args.join(' ')).toBe(1);
      expect(out.stdout).toBe('');
      expect(out.stderr.trimEnd().split('\n'), args.join(' ')).toHaveLength(1);
      expect(out.stderr).toMatch(new RegExp(`^herald: Another Herald \\(headless, PID ${pid} on .+\\) is using the data folder .+ Close it first`));
    }

    const status = await cli(['status', '--json']);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ runningHerald: { pid, purpose: 'headless' } });
    expect((await cli(['export', 'runs'])).code).toBe(0);
    expect((await cli(['export', 'ledger', 'BJ-2025-10'])).code).toBe(0);
    expect((await cli(['db', 'check'])).stdout).toMatch(/integrity ok/);
    expect((await cli(['db', 'backup'])).stdout).toMatch(/^Backup written: /);
  });
});
