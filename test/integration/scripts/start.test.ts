import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/tmp.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const children: Array<ReturnType<typeof spawn>> = [];

afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
});

/** `npm start -- …` is `node scripts/start.mjs …`; resolves with the URL it prints. */
function npmStart(args: string[]): Promise<{ url: string; output: string; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'start.mjs'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`npm start printed no URL: ${output}`)), 60_000);
    const onData = (d: string) => {
      output += d;
      const url = /Open (http:\/\/127\.0\.0\.1:\d+\S*)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ url, output, exited });
      }
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', onData);
    child.once('exit', (code) => reject(new Error(`npm start exited (${code}): ${output}`)));
  });
}

describe('npm start', () => {
  // Electron is not installed on the machines that run the tests (it is an optional dependency).
  it('without Electron starts headless mode in the chosen data folder and prints a URL that serves the UI', async () => {
    const dataDir = tempDir();
    const { url, output, exited } = await npmStart(['--data-dir', dataDir]);
    expect(output).toMatch(/Electron is not installed/);
    expect(fs.existsSync(path.join(dataDir, 'herald.sqlite'))).toBe(true);

    const login = await fetch(url, { redirect: 'manual' });
    expect(login.status).toBe(302);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const page = await fetch(new URL(login.headers.get('location') ?? '/', url), { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toMatch(/<div id="root">/);
    const health = await fetch(new URL('/api/health', url), { method: 'POST', headers: { cookie, 'Content-Type': 'application/json' }, body: '{}' });
    expect(await health.json()).toMatchObject({ ok: true, data: { status: 'ok', mode: 'headless', dataDir } });

    children.at(-1)!.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
