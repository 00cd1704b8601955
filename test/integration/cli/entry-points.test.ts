import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { herald } from '../../helpers/cli.js';
import { fixturePath } from '../../helpers/fixtures.js';

const root = path.resolve(import.meta.dirname, '../../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string; bin: { herald: string } };

/** A compiled entry (what `npm run herald`, package.json `bin` and the installed herald.cmd run) as a child process. */
function node(entry: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, entry), ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const COMMANDS = [['start'], ['replay'], ['replay-job'], ['run'], ['status'], ['import-v1'], ['export', 'ledger'], ['export', 'runs'], ['db', 'backup'], ['db', 'check'], ['db', 'restore']];

describe('herald entry points', () => {
  it('package.json bin runs the compiled CLI', async () => {
    const out = await node(pkg.bin.herald, ['--version']);
    expect(out).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('the compiled CLI replays exactly as the sources do', async () => {
    const args = ['replay', '--campaign', 'BJ-2025-10', '--batch', fixturePath('scenarios', 'bj_oct_scenario.json'), '--at', '2025-10-20T10:00:00+08:00', '--json'];
    const [compiled, source] = await Promise.all([node('out/main/cli/main.js', args), herald(args)]);
    expect(compiled.code).toBe(0);
    expect(compiled.stdout).toBe(source.stdout);
  });

  it.concurrent.each(COMMANDS.map((c) => [c.join(' '), c] as const))('herald %s --help exits 0 with an example', async (_name, command) => {
    const out = await node('out/main/cli/main.js', [...command, '--help']);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(new RegExp(`^Usage: herald ${command.join(' ')} `));
    expect(out.stdout).toMatch(/\nExamples?:\n {2}herald /);
  });

  it('an unknown command or option is one line and exit code 2', async () => {
    for (const args of [['frobnicate'], ['status', '--colour']]) {
      const out = await node('out/main/cli/main.js', args);
      expect(out.code).toBe(2);
      expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(out.stderr).toMatch(/^herald: (unknown command 'frobnicate'|unknown option '--colour') \(see --help\)\n$/);
    }
  });
});
