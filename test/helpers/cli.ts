import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// No vitest imports here: bench suites and child processes load this file too.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The CLI from source (`node --import tsx main/cli/main.ts`). */
export const CLI_SOURCE = path.join(ROOT, 'main', 'cli', 'main.ts');
/** The CLI with the test job catalogue (real campaign and monitor bodies; see cli/catalogue.ts). */
export const CLI_WITH_TEST_JOBS = path.join(ROOT, 'test', 'helpers', 'cli', 'herald-test-jobs.ts');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** Entry file (default: the CLI from source). */
  entry?: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  timeoutMs?: number;
}

function spawnHerald(args: readonly string[], options: CliOptions) {
  return spawn(process.execPath, ['--import', 'tsx', options.entry ?? CLI_SOURCE, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs `herald …` as a real child process and collects its exit code and output. */
export function herald(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawnHerald(args, options);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Starts a long-running `herald …` (e.g. `start --headless`) and resolves once its stdout shows `ready`. */
export function heraldProcess(args: readonly string[], ready: RegExp, options: CliOptions = {}): Promise<{ child: ChildProcess; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawnHerald(args, options);
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`herald ${args.join(' ')} did not get ready: ${output}`));
    }, options.timeoutMs ?? 30_000);
    const onData = (d: string) => {
      output += d;
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve({ child, output });
      }
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`herald ${args.join(' ')} exited (${code}) before it was ready: ${output}`));
    });
  });
}

/** Stops a process started by heraldProcess and waits for it to end. */
export function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
