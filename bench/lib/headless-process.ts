import fs from 'node:fs';
import path from 'node:path';
import { execFileSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Helpers for suites that measure a real Herald process (the compiled CLI, as users run it). */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = path.join(root, 'out', 'main', 'cli', 'main.js');

export interface HeadlessProcess {
  pid: number;
  url: string;
  token: string;
  /** Milliseconds from spawning the process to the first successful `health` call. */
  readyMs: number;
  stop(): Promise<void>;
}

async function healthy(url: string, token: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/api/health`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: '{}' });
    return res.status === 200;
  } catch {
    return false;
  }
}

/** `herald start --headless` on a data folder, resolved once its API answers `health`. */
export async function startHeadlessProcess(dataDir: string, timeoutMs = 30_000): Promise<HeadlessProcess> {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build`);
  const started = performance.now();
  const proc = spawn(process.execPath, [CLI, 'start', '--headless', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const login = await new Promise<{ url: string; token: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no login URL within ${timeoutMs} ms:\n${output.slice(-2000)}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /Open (http:\/\/[\d.:]+)\/auth\?token=(\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1]!, token: m[2]! });
      }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', onData);
    proc.once('exit', (code) => reject(new Error(`herald exited (${code}) before it was ready:\n${output.slice(-2000)}`)));
  });
  while (!(await healthy(login.url, login.token))) {
    if (performance.now() - started > timeoutMs) throw new Error(`health did not answer within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const readyMs = performance.now() - started;
  // Keep draining its output so the process never blocks on a full pipe.
  proc.stdout.resume();
  proc.stderr.resume();
  return {
    pid: proc.pid!,
    ...login,
    readyMs: Math.round(readyMs * 10) / 10,
    async stop() {
      if (proc.exitCode !== null) return;
      proc.kill('SIGTERM');
      const killer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

/** Resident memory of a process, in bytes (working set on Windows). */
export function rssBytes(pid: number): number {
  if (process.platform === 'linux') {
    const kb = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    if (!kb) throw new Error(`no VmRSS for process ${pid}`);
    return Number(kb) * 1024;
  }
  if (process.platform === 'win32') {
    return Number(execFileSync('powershell', ['-NoProfile', '-Command', `(Get-Process -Id ${pid}).WorkingSet64`], { encoding: 'utf8' }).trim());
  }
  return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) * 1024;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
