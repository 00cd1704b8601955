import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

const made: string[] = [];

/**
 * A fresh temporary folder removed after all tests of the file: safe in `it.concurrent` tests,
 * where `tempDir`'s after-each cleanup would remove the folders of tests still running.
 */
export function suiteTempDir(prefix = 'herald-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
