import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { contractCsv } from '../lib/contract-csv.js';
import { median, rssBytes } from '../lib/headless-process.js';

/**
 * `herald replay` as users run it: the compiled CLI (out/main/cli/main.js) as a whole process,
 * start-up, reading the CSV, the engine and writing the JSON included — a 1,052-row month and
 * 100,000 rows, through a database-era and a ledger-era campaign. Also the bare start-up
 * (`herald --version`) for reference.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = path.join(root, 'out', 'main', 'cli', 'main.js');

const CASES = [
  { variant: 'BJ-2025-10', city: 'BJ' as const, month: '2025-10', rows: 1_052 },
  { variant: 'SH-2025-09', city: 'SH' as const, month: '2025-09', rows: 1_052 },
  { variant: 'BJ-2025-10', city: 'BJ' as const, month: '2025-10', rows: 100_000 },
  { variant: 'SH-2025-09', city: 'SH' as const, month: '2025-09', rows: 100_000 },
];

/** Peak resident memory so far (Linux: the kernel's high-water mark; elsewhere the sampled maximum). */
function peakRss(pid: number, sampled: number): number {
  if (process.platform === 'linux') {
    const kb = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    if (kb) return Math.max(sampled, Number(kb) * 1024);
  }
  return Math.max(sampled, rssBytes(pid));
}

interface ProcessFigures {
  ms: number;
  peakRssMiB: number;
  stdoutBytes: number;
}

function timed(args: string[], outFile: string): Promise<ProcessFigures> {
  return new Promise((resolve, reject) => {
    const out = fs.openSync(outFile, 'w');
    const started = performance.now();
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', out, 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    let peak = 0;
    const sampler = setInterval(() => {
      try {
        peak = peakRss(child.pid!, peak);
      } catch {
        // The process has just ended.
      }
    }, 20);
    child.on('exit', (code) => {
      const ms = performance.now() - started;
      clearInterval(sampler);
      fs.closeSync(out);
      if (code !== 0) return reject(new Error(`herald ${args.join(' ')} exited ${code}: ${stderr}`));
      resolve({ ms: Math.round(ms), peakRssMiB: Math.round((peak / 1024 / 1024) * 10) / 10, stdoutBytes: fs.statSync(outFile).size });
    });
  });
}

export async function run(): Promise<Record<string, unknown>> {
  if (!fs.existsSync(CLI)) {
    const { buildMain } = (await import('../../scripts/build.mjs')) as { buildMain: () => Promise<void> };
    await buildMain();
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-bench-cli-'));
  try {
    const startup: number[] = [];
    for (let i = 0; i < 5; i += 1) startup.push((await timed(['--version'], path.join(dir, 'version.txt'))).ms);
    const replays = [];
    for (const c of CASES) {
      const batch = path.join(dir, `${c.variant}-${c.rows}.csv`);
      fs.writeFileSync(batch, contractCsv(c.rows, c.city, c.month));
      const figures = await timed(['replay', '--campaign', c.variant, '--batch', batch, '--at', `${c.month}-28T12:00:00+08:00`, '--json'], path.join(dir, 'out.json'));
      const out = JSON.parse(fs.readFileSync(path.join(dir, 'out.json'), 'utf8')) as { batches: Array<{ records: unknown[]; messages: unknown[] }> };
      replays.push({
        variant: c.variant,
        rows: c.rows,
        records: out.batches[0]!.records.length,
        messages: out.batches[0]!.messages.length,
        ...figures,
        rowsPerSecond: Math.round((c.rows / figures.ms) * 1000),
      });
    }
    return { cli: 'out/main/cli/main.js', node: process.version, startupMs: { median: median(startup), runs: startup }, replays };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
