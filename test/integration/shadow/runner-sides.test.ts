import { afterEach, describe, expect, it } from 'vitest';
import type { Herald } from '../../../main/core/herald.js';
import { openDatabase } from '../../../main/db/open.js';
import { ManualClock } from '../../../main/shared/clock.js';
import { ShadowConfigSchema, type ShadowConfigInput } from '../../../main/shadow/config.js';
import { getShadowRunDiff } from '../../../main/shadow/run-store.js';
import { sandboxFile } from '../../../main/shadow/sandbox.js';
import { setMode, updateShadowSettings } from '../../../main/shadow/modes.js';
import { monthOfContracts } from '../../helpers/shadow-pipelines.js';
import { SHADOW_JOB } from '../../helpers/shadow/catalogue.js';
import { outboxRows, runWithInput, shadowRunOf, startShadowHerald } from '../../helpers/shadow/herald.js';
import { tempDir } from '../../helpers/tmp.js';

const T0 = Date.parse('2025-09-03T12:00:00Z');
const opened: Herald[] = [];

async function start(candidate: string, config: ShadowConfigInput = {}) {
  const clock = new ManualClock(T0);
  const h = await startShadowHerald(tempDir(), clock);
  opened.push(h.herald);
  updateShadowSettings(h.herald.db, clock, SHADOW_JOB, { config: ShadowConfigSchema.parse(config) });
  setMode(h.herald.db, clock, { jobId: SHADOW_JOB, mode: 'shadow', candidatePipeline: candidate, reason: 'test', actor: 'api' });
  return { ...h, clock };
}

const input = (days: number) => ({ campaign: 'W', contracts: monthOfContracts(days) });

afterEach(async () => {
  for (const h of opened.splice(0)) await h.close();
});

describe('shadow mode through the job runner', () => {
  it('runs each side in its own worker: the live side enqueues, the sandbox side keeps its state and sends nothing', async () => {
    const { herald, jobs } = await start('db');
    const first = await runWithInput(jobs, SHADOW_JOB, input(2));
    expect(first).toMatchObject({ status: 'succeeded', mode: 'shadow', pipeline: 'ledger', messages: 2, messages_new: 2 });
    const stored = shadowRunOf(herald.db, SHADOW_JOB, first.id)!;
    expect(stored).toMatchObject({ consistent: true, control: { pipelineId: 'ledger', store: 'live', error: null }, candidate: { pipelineId: 'db', store: 'sandbox', error: null, records: 2, messages: 2 } });
    expect(stored.control!.peakMemoryBytes).toBeGreaterThan(1_000_000);
    expect(stored.candidate!.peakMemoryBytes).toBeGreaterThan(1_000_000);

    const second = await runWithInput(jobs, SHADOW_JOB, input(3));
    expect(shadowRunOf(herald.db, SHADOW_JOB, second.id)).toMatchObject({ consistent: true, counts: { records: { equal: 3 }, messages: { equal: 1, total: 1 } } });
    expect(outboxRows(herald.db).map((r) => r.business_id)).toEqual(['W:C0001', 'W:C0002', 'W:C0003']);
    const sandbox = openDatabase(sandboxFile(herald.paths.sandboxDir, SHADOW_JOB, 'db'), { readonly: true });
    expect(sandbox.prepare('SELECT COUNT(*) AS n FROM db_announced').get()).toEqual({ n: 3 });
    sandbox.close();
    expect(herald.db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'db_announced'").get()).toBeUndefined();
    expect(jobs.getRun(second.id).logs.map((l) => l.message)).toEqual(expect.arrayContaining(['Mode shadow: ledger is live', expect.stringMatching(/^db gave the same 3 records and 1 messages/)]));
  }, 60_000);

  it('records a real difference field by field', async () => {
    const { herald, jobs } = await start('skewed');
    const run = await runWithInput(jobs, SHADOW_JOB, input(3));
    expect(run.status).toBe('succeeded');
    const stored = shadowRunOf(herald.db, SHADOW_JOB, run.id)!;
    expect(stored.consistent).toBe(false);
    const amount = monthOfContracts(3)[1]!.amount;
    expect(getShadowRunDiff(herald.db, stored.id)!.recordDifferences).toEqual([
      expect.objectContaining({ key: 'C0002', differences: [{ field: '管家累计金额', control: amount, candidate: amount + 100 }] }),
    ]);
  }, 60_000);

  it('a candidate that throws: the control result stands, the error is recorded, the outbox holds only the control’s messages', async () => {
    const { herald, jobs } = await start('throws');
    const run = await runWithInput(jobs, SHADOW_JOB, input(2));
    expect(run).toMatchObject({ status: 'succeeded', error_code: null, messages_new: 2 });
    expect(shadowRunOf(herald.db, SHADOW_JOB, run.id)!.candidate).toMatchObject({ pipelineId: 'throws', error: { code: 'PIPELINE_FAILED', message: 'candidate exploded' }, timedOut: false });
    expect(outboxRows(herald.db).map((r) => [r.business_id, r.run_id])).toEqual([
      ['W:C0001', run.id],
      ['W:C0002', run.id],
    ]);
  }, 60_000);

  it('a candidate stuck in a loop is given up: its worker is terminated and the control result stands', async () => {
    const { herald, jobs } = await start('spins', { sideTimeoutMs: 3000 });
    const run = await runWithInput(jobs, SHADOW_JOB, input(3));
    expect(run).toMatchObject({ status: 'succeeded', messages_new: 3 });
    expect(shadowRunOf(herald.db, SHADOW_JOB, run.id)!.candidate).toMatchObject({ pipelineId: 'spins', timedOut: true, error: { code: 'SHADOW_SIDE_TIMEOUT' } });
    expect(outboxRows(herald.db)).toHaveLength(3);
  }, 60_000);

  it('noise calibration runs the control a second time on a scratch copy of its state: no second delivery, no second write', async () => {
    const { herald, jobs } = await start('db', { noiseCalibration: true });
    await runWithInput(jobs, SHADOW_JOB, input(2));
    const run = await runWithInput(jobs, SHADOW_JOB, input(3));
    expect(shadowRunOf(herald.db, SHADOW_JOB, run.id)).toMatchObject({ noiseCalibrated: true, consistent: true, counts: { messages: { equal: 1, total: 1 } } });
    expect(outboxRows(herald.db).map((r) => r.business_id)).toEqual(['W:C0001', 'W:C0002', 'W:C0003']);
    expect(herald.db.prepare('SELECT COUNT(*) AS n FROM ledger_announced').get()).toEqual({ n: 3 });
  }, 60_000);

  it('attributes memory to the side that used it', async () => {
    const { herald, jobs } = await start('hog');
    const run = await runWithInput(jobs, SHADOW_JOB, input(3));
    const stored = shadowRunOf(herald.db, SHADOW_JOB, run.id)!;
    expect(stored.candidate!.peakMemoryBytes! - stored.control!.peakMemoryBytes!).toBeGreaterThan(60 * 1024 * 1024);
  }, 60_000);
});
