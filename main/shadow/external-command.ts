import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HeraldError } from '../shared/errors.js';
import type { ExternalCommand } from './config.js';
import type { DiffSide } from './diff/index.js';
import { ExternalOutputSchema, externalOutputToSide } from './side-output.js';

/**
 * An external program as a pipeline — how Herald shadows v1 itself. The run's input snapshot is
 * written to a temporary JSON file; the program gets its path and the scheduled time as `{input}`
 * and `{scheduledAt}` in its arguments and as HERALD_INPUT_FILE / HERALD_SCHEDULED_AT (plus
 * HERALD_JOB_ID, HERALD_RUN_ID) in its environment, and prints `{batches: [{records, messages}]}`
 * (the shape of spec/fixtures/scenarios/out) on stdout. It has no store: whatever state it keeps
 * is its own.
 */

export interface ExternalRunRequest {
  jobId: string;
  runId: number | null;
  pipelineId: string;
  command: ExternalCommand;
  input: unknown;
  /** The input's JSON text as stored (the runner's snapshot), written as is instead of `input`. */
  inputJson?: string;
  scheduledAt: Date;
  signal?: AbortSignal;
}

export interface ExternalRunResult {
  side: DiffSide;
  durationMs: number;
}

const STDERR_KEEP = 2000;
const STDOUT_LIMIT = 512 * 1024 * 1024;

function excerpt(text: string, max = 300): string {
  const t = text.trim();
  return t.length > max ? `${t.slice(0, max)}…` : t;
}

export async function runExternalCommand(req: ExternalRunRequest): Promise<ExternalRunResult> {
  const { command: cmd } = req;
  const context = { jobId: req.jobId, pipeline: req.pipelineId, command: cmd.command };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-external-'));
  const inputFile = path.join(dir, 'input.json');
  const started = performance.now();
  try {
    fs.writeFileSync(inputFile, req.inputJson ?? JSON.stringify(req.input));
    const scheduledAt = req.scheduledAt.toISOString();
    const args = cmd.args.map((a) => a.replaceAll('{input}', inputFile).replaceAll('{scheduledAt}', scheduledAt));
    const stdout = await new Promise<string>((resolve, reject) => {
      const child = spawn(cmd.command, args, {
        cwd: cmd.cwd ?? dir,
        env: {
          ...process.env,
          ...cmd.env,
          HERALD_INPUT_FILE: inputFile,
          HERALD_SCHEDULED_AT: scheduledAt,
          HERALD_JOB_ID: req.jobId,
          HERALD_RUN_ID: String(req.runId ?? ''),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
        windowsHide: true,
      });
      const out: Buffer[] = [];
      let outBytes = 0;
      let err = '';
      let failure: HeraldError | undefined;
      const stop = (error: HeraldError) => {
        failure ??= error;
        child.kill('SIGKILL');
      };
      const timer = setTimeout(
        () => stop(new HeraldError('EXTERNAL_COMMAND_TIMEOUT', `${cmd.command} did not finish within ${cmd.timeoutMs} ms and was stopped.`, { ...context, timeoutMs: cmd.timeoutMs })),
        cmd.timeoutMs,
      );
      const onAbort = () => stop(new HeraldError('EXTERNAL_COMMAND_CANCELLED', `${cmd.command} was stopped: the run was cancelled.`, context));
      req.signal?.addEventListener('abort', onAbort, { once: true });
      child.stdout.on('data', (chunk: Buffer) => {
        outBytes += chunk.length;
        if (outBytes > STDOUT_LIMIT) stop(new HeraldError('EXTERNAL_OUTPUT_TOO_LARGE', `${cmd.command} printed more than ${STDOUT_LIMIT} bytes.`, context));
        else out.push(chunk);
      });
      child.stderr.on('data', (chunk: Buffer) => {
        err = (err + chunk.toString('utf8')).slice(-STDERR_KEEP);
      });
      child.on('error', (e: NodeJS.ErrnoException) => {
        const code = e.code === 'ENOENT' ? 'EXTERNAL_COMMAND_NOT_FOUND' : 'EXTERNAL_COMMAND_FAILED';
        failure ??= new HeraldError(code, `${cmd.command} could not be started: ${e.message}`, context, { cause: e });
      });
      child.on('close', (exitCode, signal) => {
        clearTimeout(timer);
        req.signal?.removeEventListener('abort', onAbort);
        if (failure) return reject(failure);
        if (exitCode !== 0) {
          return reject(
            new HeraldError('EXTERNAL_COMMAND_FAILED', `${cmd.command} exited with ${exitCode === null ? `signal ${signal}` : `code ${exitCode}`}: ${excerpt(err) || '(no error output)'}`, {
              ...context,
              exitCode,
              signal,
              stderr: excerpt(err, STDERR_KEEP),
            }),
          );
        }
        resolve(Buffer.concat(out).toString('utf8'));
      });
    });
    return { side: parseExternalOutput(stdout, cmd, context), durationMs: performance.now() - started };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Malformed output is a clear error naming what is wrong and where. */
export function parseExternalOutput(stdout: string, cmd: Pick<ExternalCommand, 'keyField' | 'batches' | 'command'>, context: Record<string, string> = {}): DiffSide {
  let data: unknown;
  try {
    data = JSON.parse(stdout);
  } catch (e) {
    throw new HeraldError('EXTERNAL_OUTPUT_MALFORMED', `${cmd.command} did not print JSON (${(e as Error).message}); it began with: ${excerpt(stdout, 120) || '(nothing)'}`, context);
  }
  const parsed = ExternalOutputSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.map(String).join('.') : 'the top level';
    throw new HeraldError('EXTERNAL_OUTPUT_MALFORMED', `${cmd.command} printed JSON that is not {batches: [{records, messages}]}: ${where}: ${issue?.message ?? ''}`, { ...context, path: where });
  }
  return externalOutputToSide(parsed.data, { keyField: cmd.keyField, batches: cmd.batches });
}
