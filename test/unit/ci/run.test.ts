import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/tmp.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const SYSTEM_TOOLS = ['chromium', 'Xvfb', 'xdotool', 'xwininfo', 'xclip'];

/**
 * Runs `.ci/run` with a PATH of stand-ins: `npm`, `apt-get` and `sudo` record their arguments
 * (npm never really installs), the listed system tools exist, the others are missing.
 */
function ciRun(present: string[], npmTestExit = 0): { code: number | null; calls: string[] } {
  const bin = tempDir();
  const log = path.join(bin, 'calls.log');
  const stub = (name: string, body = '') => fs.writeFileSync(path.join(bin, name), `#!/usr/bin/bash\necho "${name} $*" >> "${log}"\n${body}`, { mode: 0o755 });
  stub('npm', `[ "$1" = test ] && exit ${npmTestExit}\nexit 0\n`);
  stub('apt-get');
  stub('sudo', '"$@"\n');
  for (const tool of present) stub(tool);
  for (const tool of ['dirname', 'id']) fs.symlinkSync(`/usr/bin/${tool}`, path.join(bin, tool));
  const result = spawnSync('/usr/bin/bash', [path.join(ROOT, '.ci', 'run')], { env: { PATH: bin, HOME: bin }, encoding: 'utf8' });
  const calls = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n') : [];
  return { code: result.status, calls };
}

describe('.ci/run', () => {
  it('installs only the missing system packages, waiting for the dpkg lock, then runs npm ci and the README’s test command', () => {
    const readmeTest = /^(npm test)\b/m.exec(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8'))?.[1];
    expect(readmeTest).toBe('npm test');
    const { code, calls } = ciRun(['chromium', 'xwininfo']);
    expect(code).toBe(0);
    const apt = calls.filter((c) => c.startsWith('apt-get'));
    expect(apt).toHaveLength(2);
    for (const c of apt) expect(c).toContain('-o DPkg::Lock::Timeout=180');
    expect(apt[0]).toMatch(/ update\b/);
    const installed = apt[1]!.split(' ');
    expect(installed).toEqual(expect.arrayContaining(['install', 'xvfb', 'xdotool', 'xclip']));
    expect(installed).not.toContain('chromium');
    expect(installed).not.toContain('x11-utils');
    expect(calls.filter((c) => c.startsWith('npm'))).toEqual(['npm ci', readmeTest]);
  });

  it('installs nothing when every tool is there, and fails when the tests fail', () => {
    const ok = ciRun(SYSTEM_TOOLS);
    expect(ok.calls).toEqual(['npm ci', 'npm test']);
    const failing = ciRun(SYSTEM_TOOLS, 3);
    expect(failing.code).not.toBe(0);
  });
});
