import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { median, rssBytes, startHeadlessProcess } from '../lib/headless-process.js';

/**
 * Headless start until the API answers (a new data folder, which runs the migrations, then an
 * existing one), and the server's resident memory when ready and after sitting idle.
 * HERALD_BENCH_IDLE_MS shortens the idle wait (default 60 s) for a quick look.
 */
const IDLE_MS = Number(process.env.HERALD_BENCH_IDLE_MS ?? 60_000);
const EXISTING_RUNS = 5;

export async function run(): Promise<Record<string, unknown>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-bench-startup-'));
  try {
    const first = await startHeadlessProcess(dataDir);
    await first.stop();
    const existing: number[] = [];
    for (let i = 0; i < EXISTING_RUNS; i += 1) {
      const p = await startHeadlessProcess(dataDir);
      existing.push(p.readyMs);
      await p.stop();
    }
    const idle = await startHeadlessProcess(dataDir);
    const atReady = rssBytes(idle.pid);
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    const afterIdle = rssBytes(idle.pid);
    await idle.stop();
    return {
      readyMs: { newDataFolder: first.readyMs, existingDataFolder: { median: median(existing), runs: existing } },
      rss: { atReadyMiB: toMiB(atReady), afterIdleMiB: toMiB(afterIdle), idleMs: IDLE_MS },
    };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function toMiB(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}
