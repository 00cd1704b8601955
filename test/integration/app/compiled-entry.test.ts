import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/tmp.js';

const root = path.resolve(import.meta.dirname, '../../..');

describe('compiled app entry (out/main/app/main.js)', () => {
  it('starts the shell in app mode from the built files (Electron replaced by the fake)', () => {
    const dataDir = tempDir();
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--import', './test/fakes/electron/register.mjs', 'out/main/app/main.js', '--data-dir', dataDir, '--hidden'],
      { cwd: root, encoding: 'utf8', timeout: 20_000 },
    );
    expect(result.stderr).not.toMatch(/Error|ERR_/);
    expect(result.status).toBe(0);
    const logs = fs.readFileSync(path.join(dataDir, 'logs', fs.readdirSync(path.join(dataDir, 'logs'))[0]!), 'utf8');
    expect(logs).toMatch(/info \[core\] Herald started \{"mode":"app"/);
    expect(logs).toContain('info [app] Desktop shell ready');
    expect(fs.existsSync(path.join(dataDir, 'herald.sqlite'))).toBe(true);
  });
});
