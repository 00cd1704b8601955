import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/tmp.js';

const run = promisify(execFile);

describe('pipeline worker in the compiled build', () => {
  it('starts the .js worker next to the compiled runner and commits the run', async () => {
    const script = fileURLToPath(new URL('../../fixtures-app/jobs/run-compiled.mjs', import.meta.url));
    const { stdout } = await run(process.execPath, [script, tempDir()], { timeout: 30_000 });
    const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as { status: string; rows: number[]; messages: number; logs: string[] };
    expect(result).toMatchObject({ status: 'succeeded', rows: [4, 5, 6], messages: 1 });
    expect(result.logs).toContain('Pipeline main started in a worker thread');
  });
});
