// `npm run bench [-- <name>…]`: runs every bench/suites/*.ts (or those whose names contain one of
// the arguments), each in its own Node process with tsx, so one suite's memory and JIT state do not
// colour another's. A suite exports `run(): Promise<Record<string, unknown>>`; its figures, the
// machine's description and any failure go into one JSON document, printed on stdout and written
// to bench/results.json. The suites' own output goes to stderr. Exit code 1 if a suite failed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildAll } from './build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SUITES_DIR = path.join(root, 'bench', 'suites');
const child = path.join(root, 'scripts', 'bench-child.mjs');
const timeoutMs = Number(process.env.HERALD_BENCH_TIMEOUT_MS ?? 15 * 60_000);

export function machineInfo() {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    totalMemoryBytes: os.totalmem(),
    platform: process.platform,
    arch: process.arch,
    osRelease: os.release(),
    node: process.version,
  };
}

export function listSuites(filters = [], suitesDir = SUITES_DIR) {
  return fs
    .readdirSync(suitesDir)
    .filter((f) => f.endsWith('.ts'))
    .sort()
    .map((f) => ({ name: f.slice(0, -3), file: path.join(suitesDir, f) }))
    .filter((s) => filters.length === 0 || filters.some((f) => s.name.includes(f)));
}

/** One suite in its own process: resolves with `{ ok, durationMs, result | error }`. */
export function runSuite(file) {
  return new Promise((resolve) => {
    const started = performance.now();
    const proc = spawn(process.execPath, ['--import', 'tsx', child, file], { cwd: root, stdio: ['ignore', 2, 2, 'ipc'] });
    let outcome;
    const timer = setTimeout(() => {
      outcome = { ok: false, error: `timed out after ${timeoutMs} ms` };
      proc.kill('SIGKILL');
    }, timeoutMs);
    proc.on('message', (message) => {
      outcome ??= message;
    });
    proc.on('exit', (code, signal) => {
      clearTimeout(timer);
      const durationMs = Math.round(performance.now() - started);
      resolve({ durationMs, ...(outcome ?? { ok: false, error: `the suite process ended (${signal ?? `exit code ${code}`}) without a result` }) });
    });
  });
}

export async function runBench({ filters = [], suitesDir = SUITES_DIR } = {}) {
  const doc = { startedAt: new Date().toISOString(), machine: machineInfo(), suites: {} };
  for (const suite of listSuites(filters, suitesDir)) {
    console.error(`bench: ${suite.name} …`);
    doc.suites[suite.name] = await runSuite(suite.file);
  }
  doc.finishedAt = new Date().toISOString();
  return doc;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // Suites may start the compiled CLI (out/main), so it is brought up to date first.
  await buildAll({ onlyIfStale: true });
  const doc = await runBench({ filters: process.argv.slice(2) });
  const json = JSON.stringify(doc, null, 2);
  fs.writeFileSync(path.join(root, 'bench', 'results.json'), `${json}\n`);
  process.stdout.write(`${json}\n`);
  process.exit(Object.values(doc.suites).every((s) => s.ok) ? 0 : 1);
}
