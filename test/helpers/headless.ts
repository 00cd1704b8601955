import { afterEach } from 'vitest';
import { startHeadless, type HeadlessHerald } from '../../main/api/http/headless.js';
import type { ApiResult, MethodInput, MethodName, MethodOutput } from '../../main/api/contract/index.js';
import { FINISHED_STATUSES } from '../../main/api/contract/jobs.js';
import type { JobsConfig } from '../../main/jobs/config.js';
import { tempDir } from './tmp.js';

export interface TestServer extends HeadlessHerald {
  dataDir: string;
  /** Calls an API method over real HTTP with the token; throws on an error result. */
  call<M extends MethodName>(method: M, input?: MethodInput<M>): Promise<MethodOutput<M>>;
  /** Raw call: status and body, for error-path tests. */
  raw(method: string, input: unknown, headers?: Record<string, string>): Promise<{ status: number; body: ApiResult<unknown> }>;
}

const running: HeadlessHerald[] = [];

export async function startTestServer(options: { dataDir?: string; demo?: boolean; jobs?: JobsConfig } = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? tempDir();
  const h = await startHeadless({ dataDir, demo: options.demo ?? false, ...(options.jobs ? { jobs: options.jobs } : {}) });
  running.push(h);
  const raw = async (method: string, input: unknown, headers: Record<string, string> = { Authorization: `Bearer ${h.server.token}` }) => {
    const res = await fetch(`${h.server.url}/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(input ?? {}),
    });
    return { status: res.status, body: (await res.json()) as ApiResult<unknown> };
  };
  return {
    ...h,
    dataDir,
    raw,
    async call(method, input) {
      const { body } = await raw(method, input);
      if (!body.ok) throw new Error(`${method} failed: ${body.error.code} ${body.error.message}`);
      return body.data as never;
    },
  };
}

/** Polls `runs.get` until the run has ended; returns it. */
export async function untilRunEnded(s: Pick<TestServer, 'call'>, runId: number): Promise<MethodOutput<'runs.get'>> {
  for (let i = 0; i < 500; i += 1) {
    const run = await s.call('runs.get', { runId });
    if (FINISHED_STATUSES.includes(run.status)) return run;
    await new Promise((r) => setTimeout(r, 30));
  }
  throw new Error(`run ${runId} did not end`);
}

afterEach(async () => {
  for (const h of running.splice(0)) await h.stop();
});
