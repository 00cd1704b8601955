import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listSuites, runBench, runSuite } from '../../../scripts/bench.mjs';
import { tempDir } from '../../helpers/tmp.js';

function suites(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, body] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), body);
  return dir;
}

describe('bench runner', () => {
  it('runs each suite in its own process and gathers the figures with the machine’s description', async () => {
    const dir = suites({
      'alpha.ts': 'export async function run(): Promise<Record<string, unknown>> { return { pid: process.pid, answer: 42 }; }',
      'beta.ts': "console.log('chatter on stdout'); setInterval(() => undefined, 1000); export async function run() { return { pid: process.pid }; }",
      'gamma.ts': "export async function run(): Promise<Record<string, unknown>> { throw new Error('gamma broke'); }",
      'notes.md': 'not a suite',
    });
    const doc = await runBench({ suitesDir: dir });
    expect(Object.keys(doc.suites)).toEqual(['alpha', 'beta', 'gamma']);
    expect(doc.suites.alpha).toMatchObject({ ok: true, result: { answer: 42 } });
    const pids = [doc.suites.alpha!.result!.pid, doc.suites.beta!.result!.pid];
    expect(new Set([...pids, process.pid]).size).toBe(3);
    expect(doc.suites.gamma).toMatchObject({ ok: false });
    expect(doc.suites.gamma!.error).toContain('gamma broke');
    expect(doc.machine).toMatchObject({ cores: os.cpus().length, node: process.version, cpuModel: os.cpus()[0]!.model.trim() });
  });

  it('runs only the suites whose names contain a filter', () => {
    const dir = suites({ 'startup.ts': '', 'outbox-throughput.ts': '', 'outbox-memory.ts': '' });
    expect(listSuites(['outbox'], dir).map((s) => s.name)).toEqual(['outbox-memory', 'outbox-throughput']);
  });

  it('reports a suite without run() as failed', async () => {
    const dir = suites({ 'empty.ts': 'export const nothing = 1;' });
    const outcome = await runSuite(path.join(dir, 'empty.ts'));
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toContain('does not export run()');
  });

  it('ships a startup suite that measures headless start and idle memory', async () => {
    process.env.HERALD_BENCH_IDLE_MS = '300';
    const outcome = await runSuite(path.resolve(import.meta.dirname, '../../../bench/suites/startup.ts'));
    delete process.env.HERALD_BENCH_IDLE_MS;
    expect(outcome.error).toBeUndefined();
    const result = outcome.result as { readyMs: { newDataFolder: number; existingDataFolder: { runs: number[] } }; rss: { afterIdleMiB: number; idleMs: number } };
    expect(result.readyMs.newDataFolder).toBeGreaterThan(0);
    expect(result.readyMs.existingDataFolder.runs).toHaveLength(5);
    expect(result.rss.afterIdleMiB).toBeGreaterThan(0);
    expect(result.rss.idleMs).toBe(300);
  });
});
