import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../../main/db/open.js';
import { migrate } from '../../../../main/db/migrate.js';
import { ManualClock } from '../../../../main/shared/clock.js';
import { ShadowConfigSchema } from '../../../../main/shadow/config.js';
import { ensureShadowJob, getModeForRun, setMode, updateShadowSettings } from '../../../../main/shadow/modes.js';
import { executeRun } from '../../../../main/shadow/run-shadow.js';
import { workerSideRunner } from '../../../../main/shadow/sides/worker.js';
import { monthOfContracts, testOutbox } from '../../../helpers/shadow-pipelines.js';
import { tempDir } from '../../../helpers/tmp.js';

const APP = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures-app');
const JOB = 'worker-job';

function setup(candidate: string, sideTimeoutMs = 20_000) {
  const dir = tempDir();
  const liveFile = path.join(dir, 'herald.sqlite');
  const db = openDatabase(liveFile);
  migrate(db);
  const outbox = testOutbox(db);
  const clock = new ManualClock(Date.parse('2025-09-03T12:00:00Z'));
  ensureShadowJob(db, clock, { jobId: JOB, defaultPipeline: 'ledger' });
  updateShadowSettings(db, clock, JOB, { config: ShadowConfigSchema.parse({ sideTimeoutMs }) });
  setMode(db, clock, { jobId: JOB, mode: 'shadow', candidatePipeline: candidate, reason: 'test', actor: 'api' });
  const sides = workerSideRunner({ pipelinesModule: path.join(APP, 'worker-pipelines.ts'), liveFile, enqueueModule: path.join(APP, 'worker-enqueue.ts') });
  const ctx = { db, clock, sandboxDir: path.join(dir, 'sandbox'), sides };
  const run = () => executeRun(ctx, getModeForRun(db, clock, JOB), { jobId: JOB, runId: 1, input: { campaign: 'W', contracts: monthOfContracts(3) }, scheduledAt: new Date(clock.now()), settings: {} });
  return { db, outbox, run };
}

describe('worker-thread side runner', () => {
  it('runs each side in its own worker: the live side enqueues, the sandbox side does not', async () => {
    const env = setup('db');
    const r = await env.run();
    expect(r.live.error).toBeUndefined();
    const stored = await r.comparison;
    expect(stored).toMatchObject({ consistent: true, control: { store: 'live', error: null }, candidate: { store: 'sandbox', error: null } });
    expect(stored!.control!.peakMemoryBytes).toBeGreaterThan(1_000_000);
    expect(env.outbox.rows().map((x) => x.business_id)).toEqual(['W:C0001', 'W:C0002', 'W:C0003']);
  }, 60_000);

  it('stops a candidate stuck in a synchronous loop by terminating its worker; the control result stands', async () => {
    const env = setup('spins', 1500);
    const r = await env.run();
    expect(r.live.output!.messages).toHaveLength(3);
    const stored = await r.comparison;
    expect(stored!.candidate).toMatchObject({ pipelineId: 'spins', timedOut: true, error: { code: 'SHADOW_SIDE_TIMEOUT' } });
    expect(env.outbox.rows()).toHaveLength(3);
  }, 60_000);

  it('attributes memory to the side that used it', async () => {
    const env = setup('hog');
    const stored = await (await env.run()).comparison;
    expect(stored!.candidate!.peakMemoryBytes! - stored!.control!.peakMemoryBytes!).toBeGreaterThan(60 * 1024 * 1024);
  }, 60_000);
});
