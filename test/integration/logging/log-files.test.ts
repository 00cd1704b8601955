import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { herald, heraldProcess, stopProcess } from '../../helpers/cli.js';
import { logFileName, parseLogLine } from '../../../main/logging/logger.js';
import { tempDir } from '../../helpers/tmp.js';

const root = path.resolve(import.meta.dirname, '../../..');

/** What a step added to the day's log file, as lines. */
function linesAdded(file: string, before: number): string[] {
  return fs.readFileSync(file, 'utf8').slice(before).split('\n').filter(Boolean);
}

describe('log files of every process', () => {
  it('headless mode, the tray app and the CLI write the same day file in the same format', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'logs', logFileName(new Date()));
    const size = () => (fs.existsSync(file) ? fs.statSync(file).size : 0);

    const server = await heraldProcess(['--data-dir', dataDir, 'start', '--headless'], /Open http:\/\/127\.0\.0\.1:\d+/);
    await stopProcess(server.child);
    const headless = linesAdded(file, 0);

    let before = size();
    const app = spawnSync(process.execPath, ['--import', 'tsx', '--import', './test/fakes/electron/register.mjs', 'out/main/app/main.js', '--data-dir', dataDir, '--hidden'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(app.status).toBe(0);
    const desktop = linesAdded(file, before);

    before = size();
    // Metabase is not set up, so the run fails at once — it still logs.
    const cli = await herald(['--data-dir', dataDir, 'run', 'sla-daily-report', '--dry-run']);
    expect(cli.stderr).toContain('Metabase is not set up');
    const command = linesAdded(file, before);

    for (const [mode, lines] of [['headless', headless], ['app', desktop], ['cli', command]] as const) {
      expect(lines.length, mode).toBeGreaterThan(0);
      for (const line of lines) expect(parseLogLine(line), `${mode}: ${line}`).toMatchObject({ time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$/) });
    }
    expect(headless.map(parseLogLine)).toContainEqual(expect.objectContaining({ level: 'info', scope: 'core', message: 'Herald started', context: expect.objectContaining({ mode: 'headless' }) }));
    expect(desktop.map(parseLogLine)).toContainEqual(expect.objectContaining({ level: 'info', scope: 'core', message: 'Herald started', context: expect.objectContaining({ mode: 'app' }) }));
    expect(command.map((l) => parseLogLine(l)!.scope)).toContain('jobs.sla-daily-report');
    // One file for the day, nothing else in the folder.
    expect(fs.readdirSync(path.dirname(file))).toEqual([path.basename(file)]);
  }, 120_000);
});
