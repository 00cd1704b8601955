import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EventBus } from '../../../main/core/events.js';
import { openDatabase } from '../../../main/db/open.js';
import { migrate } from '../../../main/db/migrate.js';
import type { HeraldEvent } from '../../../main/api/contract/events.js';
import { ManualClock } from '../../../main/shared/clock.js';
import { ShadowConfigSchema, type ShadowConfigInput } from '../../../main/shadow/config.js';
import { ensureShadowJob, getModeForRun, modeHistory, rollback, setMode, updateShadowSettings } from '../../../main/shadow/modes.js';
import { executeRun, type ShadowContext } from '../../../main/shadow/run-shadow.js';
import { getShadowRunDiff, listShadowRuns } from '../../../main/shadow/run-store.js';
import { sandboxFile } from '../../../main/shadow/sandbox.js';
import { inProcessSideRunner } from '../../../main/shadow/sides/in-process.js';
import type { SideRunner } from '../../../main/shadow/sides/types.js';
import type { PipelineSpec } from '../../../main/jobs/types.js';
import { campaignPipeline, monthOfContracts, testOutbox, type CampaignInput } from '../../helpers/shadow-pipelines.js';
import { tempDir } from '../../helpers/tmp.js';

const JOB = 'bj-sep';
const DAY = 86_400_000;

function setup(pipelines: Record<string, PipelineSpec<CampaignInput>>, config: ShadowConfigInput = {}, wrap?: (inner: SideRunner) => SideRunner) {
  const dir = tempDir();
  const db = openDatabase(path.join(dir, 'herald.sqlite'));
  migrate(db);
  const outbox = testOutbox(db);
  const clock = new ManualClock(Date.parse('2025-09-01T12:00:00Z'));
  const events = new EventBus(0);
  const emitted: HeraldEvent[] = [];
  events.subscribe((e) => emitted.push(e));
  const inner = inProcessSideRunner({ pipelines: () => pipelines as Record<string, PipelineSpec<unknown>>, liveDb: db, enqueue: outbox.enqueue });
  const stateScopes = (_job: string, pipelineId: string) => ({ ledger: [{ table: 'l' }], db: [{ table: 'd' }] })[pipelineId] ?? [];
  const ctx: ShadowContext = { db, clock, sandboxDir: path.join(dir, 'sandbox'), sides: wrap ? wrap(inner) : inner, events, cores: 4, stateScopes };
  ensureShadowJob(db, clock, { jobId: JOB, defaultPipeline: 'ledger' });
  updateShadowSettings(db, clock, JOB, { config: ShadowConfigSchema.parse(config) });
  setMode(db, clock, { jobId: JOB, mode: 'shadow', candidatePipeline: 'db', reason: 'test', actor: 'api' });
  const alerts = () => emitted.filter((e) => e.type === 'alert');
  const tableExists = (name: string) => Boolean(db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name));
  return { dir, db, clock, ctx, outbox, alerts, tableExists };
}

const input = (days: number): CampaignInput => ({ campaign: 'BJ-TEST', contracts: monthOfContracts(days) });
const day = (clock: ManualClock, d: number) => new Date(Date.parse('2025-09-01T12:00:00Z') + d * DAY);

async function runOnce(env: ReturnType<typeof setup>, days: number, runId = days) {
  const snap = getModeForRun(env.db, env.clock, JOB);
  const result = await executeRun(env.ctx, snap, { jobId: JOB, runId, input: input(days), scheduledAt: day(env.clock, days - 1), settings: {} });
  return { ...result, stored: await result.comparison };
}

describe('shadow run orchestration', () => {
  it('runs the control live and the candidate in its own persistent sandbox, and stores the comparison', async () => {
    const env = setup({ ledger: campaignPipeline('ledger', { table: 'ledger_announced' }), db: campaignPipeline('db', { table: 'db_announced' }) });
    const first = await runOnce(env, 2);
    expect(first.mode).toBe('shadow');
    expect(first.live).toMatchObject({ pipelineId: 'ledger', store: 'live' });
    expect(first.live.output!.messages).toHaveLength(2);
    expect(first.stored).toMatchObject({ mode: 'shadow', liveSide: 'control', consistent: true, consistency: 1, cores: 4, triggers: [], rolledBack: false });
    expect(first.stored!.candidate).toMatchObject({ pipelineId: 'db', store: 'sandbox', error: null, records: 2, messages: 2 });

    // Cumulative input: the sandbox remembered what the candidate announced, so only day 3 is new.
    const second = await runOnce(env, 3);
    expect(second.stored).toMatchObject({ consistent: true, counts: { messages: { equal: 1, total: 1 }, records: { equal: 3, total: 3 } } });
    // The live store and outbox only ever saw the control.
    expect(env.outbox.rows().map((r) => r.business_id)).toEqual(['BJ-TEST:C0001', 'BJ-TEST:C0002', 'BJ-TEST:C0003']);
    expect(env.tableExists('ledger_announced')).toBe(true);
    expect(env.tableExists('db_announced')).toBe(false);
    const sandbox = openDatabase(sandboxFile(env.ctx.sandboxDir, JOB, 'db'), { readonly: true });
    expect(sandbox.prepare('SELECT COUNT(*) AS n FROM db_announced').get()).toEqual({ n: 3 });
    expect(sandbox.prepare('SELECT COUNT(*) AS n FROM shadow_jobs').get()).toEqual({ n: 0 });
    sandbox.close();
    expect(listShadowRuns(env.db, JOB, { limit: 10, offset: 0 }).total).toBe(2);
    expect(env.alerts()).toEqual([]);
  });

  it('records a difference field by field and alerts, without touching the control result', async () => {
    const env = setup({ ledger: campaignPipeline('ledger', { table: 'l' }), db: campaignPipeline('db', { table: 'd', skew: (c) => (c.id === 'C0002' ? 100 : 0) }) });
    const r = await runOnce(env, 3);
    const amount = monthOfContracts(3)[1]!.amount; // C0002 is 李四's first contract
    expect(r.live.output!.records[1]!.fields['管家累计金额']).toBe(amount);
    expect(r.stored).toMatchObject({ consistent: false, triggers: [{ kind: 'inconsistency' }], rolledBack: false });
    const diff = getShadowRunDiff(env.db, r.stored!.id)!;
    expect(diff.recordDifferences).toEqual([
      expect.objectContaining({ key: 'C0002', status: 'different', differences: [{ field: '管家累计金额', control: amount, candidate: amount + 100 }] }),
    ]);
    expect(diff.messageDifferences[0]!.lines).toContainEqual({ op: 'insert', text: `个人累计签约第 1 单，累计 ${amount + 100} 元` });
    expect(env.alerts()).toEqual([expect.objectContaining({ kind: 'shadow-alert', title: `影子模式告警：${JOB}` })]);
  });

  it('a candidate that throws is recorded; the control result and the live outbox are untouched', async () => {
    const env = setup({ ledger: campaignPipeline('ledger', { table: 'l' }), db: campaignPipeline('db', { table: 'd', throws: 'candidate exploded' }) });
    const r = await runOnce(env, 2);
    expect(r.live.error).toBeUndefined();
    expect(r.live.output!.messages).toHaveLength(2);
    expect(r.stored!.candidate).toMatchObject({ error: { code: 'PIPELINE_FAILED', message: 'candidate exploded' }, timedOut: false });
    expect(r.stored).toMatchObject({ consistency: null, consistent: null, triggers: [{ kind: 'error-rate', value: 1 }] });
    expect(env.outbox.rows()).toHaveLength(2);
    // The failed candidate's transaction rolled back: its sandbox holds nothing.
    const sandbox = openDatabase(sandboxFile(env.ctx.sandboxDir, JOB, 'db'), { readonly: true });
    expect(sandbox.prepare("SELECT 1 FROM sqlite_master WHERE name = 'd'").get()).toBeUndefined();
    sandbox.close();
  });

  it('a candidate that hangs is given up after its timeout; the control result comes back at once', async () => {
    let aborted = false;
    const hang: (inner: SideRunner) => SideRunner = (inner) => (req) =>
      req.pipelineId === 'db'
        ? new Promise(() => {
            req.signal.addEventListener('abort', () => (aborted = true));
          })
        : inner(req);
    const env = setup({ ledger: campaignPipeline('ledger', { table: 'l' }), db: campaignPipeline('db', { table: 'd' }) }, { sideTimeoutMs: 2000 }, hang);
    const started = Date.now();
    const result = await executeRun(env.ctx, getModeForRun(env.db, env.clock, JOB), { jobId: JOB, runId: 1, input: input(1), scheduledAt: day(env.clock, 0), settings: {} });
    expect(Date.now() - started).toBeLessThan(1500);
    expect(result.live.output!.messages).toHaveLength(1);
    const stored = await result.comparison;
    expect(aborted).toBe(true);
    expect(stored!.candidate).toMatchObject({ timedOut: true, error: { code: 'SHADOW_SIDE_TIMEOUT' } });
    expect(env.outbox.rows()).toHaveLength(1);
  });

  it('noise calibration runs the control again on a throw-away copy: noise reported apart, no double side effects', async () => {
    let n = 0;
    const stamp = () => ({ 处理序号: ++n });
    const pipelines = { ledger: campaignPipeline('ledger', { table: 'l', extra: stamp }), db: campaignPipeline('db', { table: 'd', extra: stamp }) };
    const plain = setup(pipelines);
    expect((await runOnce(plain, 2)).stored!.consistent).toBe(false);

    const env = setup(pipelines, { noiseCalibration: true });
    const r = await runOnce(env, 2);
    expect(r.stored).toMatchObject({ consistent: true, noiseCalibrated: true, counts: { records: { noiseOnly: 2, different: 0 } } });
    const diff = getShadowRunDiff(env.db, r.stored!.id)!;
    expect(diff.noise).toEqual({ fields: ['处理序号'], recordKeys: [], messageKeys: [] });
    expect(env.outbox.rows()).toHaveLength(2);
    expect(env.db.prepare('SELECT COUNT(*) AS n FROM l').get()).toEqual({ n: 2 });
    expect(fs.readdirSync(env.ctx.sandboxDir).filter((f) => f.endsWith('.sqlite'))).toHaveLength(1);
  });

  it('candidate mode: the candidate goes live, the control verifies in its sandbox; a difference rolls back automatically', async () => {
    const env = setup({ ledger: campaignPipeline('ledger', { table: 'l' }), db: campaignPipeline('db', { table: 'd', skew: (c) => (c.id === 'C0003' ? 1 : 0) }) }, { autoRollback: true });
    setMode(env.db, env.clock, { jobId: JOB, mode: 'candidate', reason: 'promote', actor: 'ui' });
    const r = await runOnce(env, 3);
    expect(r.live).toMatchObject({ pipelineId: 'db', store: 'live' });
    expect(r.stored).toMatchObject({ mode: 'candidate', liveSide: 'candidate', consistent: false, rolledBack: true });
    expect(r.stored!.control).toMatchObject({ pipelineId: 'ledger', store: 'sandbox' });
    expect(env.tableExists('d')).toBe(true);
    expect(env.tableExists('l')).toBe(false);
    expect(getModeForRun(env.db, env.clock, JOB).mode).toBe('control');
    expect(modeHistory(env.db, JOB)[0]).toMatchObject({ fromMode: 'candidate', toMode: 'control', actor: 'automatic', triggers: [{ kind: 'inconsistency' }] });
    expect(env.alerts()[0]).toMatchObject({ body: expect.stringContaining('已自动回滚到对照流水线 ledger') });
  });

  it('promotion and rollback hand each pipeline\'s state over: nothing is announced twice', async () => {
    const env = setup({ ledger: campaignPipeline('ledger', { table: 'l' }), db: campaignPipeline('db', { table: 'd' }) });
    await runOnce(env, 1);
    await runOnce(env, 2);
    setMode(env.db, env.clock, { jobId: JOB, mode: 'candidate', reason: 'ready', actor: 'ui' });
    const promoted = await runOnce(env, 3);
    expect(promoted.live.output!.messages.map((m) => m.businessId)).toEqual(['BJ-TEST:C0003']);
    expect(promoted.stored).toMatchObject({ liveSide: 'candidate', consistent: true });
    rollback(env.db, env.clock, JOB, 'back', 'ui');
    const back = await runOnce(env, 4);
    expect(back.live.output!.messages.map((m) => m.businessId)).toEqual(['BJ-TEST:C0004']);
    expect(env.outbox.rows().map((r) => r.business_id)).toEqual(['BJ-TEST:C0001', 'BJ-TEST:C0002', 'BJ-TEST:C0003', 'BJ-TEST:C0004']);
    expect(env.db.prepare('SELECT COUNT(*) AS n FROM l').get()).toEqual({ n: 4 });
  });

  it('candidate mode without verification runs the candidate only and still records its figures', async () => {
    const env = setup({ ledger: campaignPipeline('ledger', { table: 'l' }), db: campaignPipeline('db', { table: 'd' }) }, { verifyAfterPromotion: false });
    setMode(env.db, env.clock, { jobId: JOB, mode: 'candidate', reason: 'promote', actor: 'ui' });
    const r = await runOnce(env, 2);
    expect(r.stored).toMatchObject({ control: null, candidate: { pipelineId: 'db', store: 'live' }, consistency: null });
    expect(env.outbox.rows()).toHaveLength(2);
    expect(env.tableExists('l')).toBe(false);
  });

  it('control mode runs the control only and records nothing', async () => {
    const env = setup({ ledger: campaignPipeline('ledger', { table: 'l' }), db: campaignPipeline('db', { table: 'd' }) });
    rollback(env.db, env.clock, JOB, 'back', 'ui');
    const r = await runOnce(env, 2);
    expect(r).toMatchObject({ mode: 'control', stored: null, live: { pipelineId: 'ledger' } });
    expect(listShadowRuns(env.db, JOB, { limit: 10, offset: 0 }).total).toBe(0);
    expect(fs.existsSync(env.ctx.sandboxDir)).toBe(false);
  });
});

describe('switching while runs are in flight or queued', () => {
  /** Holds the candidate of the first run until released, like a slow worker. */
  function gate() {
    let release!: () => void;
    const opened = new Promise<void>((r) => (release = r));
    const seen: string[] = [];
    let first = true;
    const wrap = (inner: SideRunner): SideRunner => async (req) => {
      seen.push(`${req.runId}:${req.pipelineId}:${req.store}`);
      if (req.pipelineId === 'db' && first) {
        first = false;
        await opened;
      }
      return inner(req);
    };
    return { wrap, release, seen };
  }

  it('a switch during a run keeps that run in its mode; the next run uses the new one', async () => {
    const g = gate();
    const env = setup({ ledger: campaignPipeline('ledger', { table: 'l' }), db: campaignPipeline('db', { table: 'd' }) }, {}, g.wrap);
    const inFlight = executeRun(env.ctx, getModeForRun(env.db, env.clock, JOB), { jobId: JOB, runId: 1, input: input(1), scheduledAt: day(env.clock, 0), settings: {} });
    await new Promise((r) => setTimeout(r, 20));
    rollback(env.db, env.clock, JOB, 'roll back mid-run', 'ui');
    g.release();
    const first = await inFlight;
    expect(first.mode).toBe('shadow');
    expect((await first.comparison)!.mode).toBe('shadow');
    const next = await runOnce(env, 2, 2);
    expect(next.mode).toBe('control');
    expect(g.seen).toEqual(['1:ledger:live', '1:db:sandbox', '2:ledger:live']);
  });

  it('rollback while runs are queued: queued runs take the mode when they start', async () => {
    const g = gate();
    const env = setup({ ledger: campaignPipeline('ledger', { table: 'l' }), db: campaignPipeline('db', { table: 'd' }) }, {}, g.wrap);
    // A minimal runner queue: one run at a time, each takes its snapshot when it starts.
    const modes: string[] = [];
    const queue = [1, 2, 3].reduce<Promise<void>>(
      (prev, runId) =>
        prev.then(async () => {
          const snap = getModeForRun(env.db, env.clock, JOB);
          modes.push(snap.mode);
          const r = await executeRun(env.ctx, snap, { jobId: JOB, runId, input: input(runId), scheduledAt: day(env.clock, runId - 1), settings: {} });
          await r.comparison;
        }),
      Promise.resolve(),
    );
    await new Promise((r) => setTimeout(r, 20));
    rollback(env.db, env.clock, JOB, 'too many differences', 'tray');
    g.release();
    await queue;
    expect(modes).toEqual(['shadow', 'control', 'control']);
    expect(g.seen).toEqual(['1:ledger:live', '1:db:sandbox', '2:ledger:live', '3:ledger:live']);
    expect(listShadowRuns(env.db, JOB, { limit: 10, offset: 0 }).runs.map((r) => r.runId)).toEqual([1]);
  });
});
