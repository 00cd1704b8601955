import net from 'node:net';
import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_CAMPAIGN_JOBS } from '../../../main/demo/campaigns.js';
import { herald, heraldProcess, stopProcess } from '../../helpers/cli.js';
import { suiteTempDir as tempDir } from '../../helpers/suite-tmp.js';

/** A port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

let server: ChildProcess | undefined;
afterEach(async () => {
  if (server) await stopProcess(server, 'SIGKILL');
  server = undefined;
});

describe('herald start', () => {
  it('--headless --demo --port N: serves on that port with the demo campaigns enabled, and stops cleanly on SIGTERM', async () => {
    const dataDir = tempDir();
    const port = await freePort();
    const started = await heraldProcess(['--data-dir', dataDir, 'start', '--headless', '--demo', '--port', String(port)], /Open http:\/\/127\.0\.0\.1:\d+\/\S+/, { timeoutMs: 60_000 });
    server = started.child;
    expect(started.output).toContain(`Open http://127.0.0.1:${port}/`);
    expect(started.output).toMatch(/Electron is not installed here: starting headless mode\.|Herald is running/);

    const status = await herald(['--data-dir', dataDir, 'status', '--json']);
    expect(status.code).toBe(0);
    const doc = JSON.parse(status.stdout) as { runningHerald: { pid: number } | null; jobs: Array<{ id: string; enabled: boolean }> };
    expect(doc.runningHerald?.pid).toBe(started.child.pid);
    for (const id of DEMO_CAMPAIGN_JOBS) expect(doc.jobs.find((j) => j.id === id)?.enabled, id).toBe(true);

    const exit = new Promise<number | null>((resolve) => started.child.once('exit', (code) => resolve(code)));
    started.child.kill('SIGTERM');
    expect(await exit).toBe(0);
    server = undefined;
  });

  it('refuses a port that is not a positive whole number, with one line and exit code 2', async () => {
    const out = await herald(['--data-dir', tempDir(), 'start', '--headless', '--port', 'eighty']);
    expect(out.code).toBe(2);
    expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(out.stderr).toMatch(/^herald: .*--port/);
  });
});
