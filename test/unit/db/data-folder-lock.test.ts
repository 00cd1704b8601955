import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { acquireDataFolderLock, LOCK_FILE_NAME, readLockHolder } from '../../../main/db/data-folder-lock.js';
import { HeraldError } from '../../../main/shared/errors.js';
import { tempDir } from '../../helpers/tmp.js';

describe('data-folder lock', () => {
  it('refuses a second holder in another process, naming the holder', async () => {
    const dir = tempDir();
    const holderScript = `
      import { acquireDataFolderLock } from ${JSON.stringify(path.resolve('main/db/data-folder-lock.ts'))};
      acquireDataFolderLock(process.argv.at(-1), 'headless');
      console.log('locked');
      setInterval(() => {}, 1000);
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', holderScript, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => d.toString().includes('locked') && resolve());
        child.on('exit', (code) => reject(new Error(`holder exited early (${code})`)));
      });
      let error: unknown;
      try {
        acquireDataFolderLock(dir, 'cli');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(HeraldError);
      expect((error as HeraldError).code).toBe('DATA_FOLDER_LOCKED');
      expect((error as HeraldError).message).toContain(`PID ${child.pid}`);
      expect((error as HeraldError).message).toContain('headless');
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('takes over a stale lock left by a process that no longer exists', () => {
    const dir = tempDir();
    // A PID far above any live one on this machine stands for a crashed holder.
    fs.writeFileSync(
      path.join(dir, LOCK_FILE_NAME),
      JSON.stringify({ pid: 2 ** 22 + 12345, purpose: 'app', hostname: os.hostname(), startedAt: '2026-01-01T00:00:00Z' }),
    );
    const lock = acquireDataFolderLock(dir, 'headless');
    expect(readLockHolder(dir)).toMatchObject({ pid: process.pid, purpose: 'headless' });
    lock.release();
    expect(fs.existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(false);
  });

  it('can be taken again after release', () => {
    const dir = tempDir();
    acquireDataFolderLock(dir, 'cli').release();
    const again = acquireDataFolderLock(dir, 'cli');
    expect(again.holder.pid).toBe(process.pid);
    again.release();
  });
});
