import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/db/open.js';
import { getModeForRun } from '../../../main/shadow/modes.js';
import { SEPTEMBER_JOBS } from '../../helpers/shadow/catalogue.js';
import { runScenario, startShadowServer, switchMode } from '../../helpers/shadow/server.js';

const SH = 'campaign-sh-2025-09';

describe('shadow API', () => {
  it('lists every job with pipelines: mode, pipelines, KPIs against thresholds and planned order', async () => {
    const s = await startShadowServer();
    const { jobs, cores } = await s.call('shadow.jobs');
    expect(cores).toBeGreaterThan(0);
    const september = jobs.filter((j) => (SEPTEMBER_JOBS as readonly string[]).includes(j.jobId));
    // Seed 001: the simplest first, Shanghai September last.
    expect(september.map((j) => [j.jobId, j.plannedOrder, j.mode, j.pipelines])).toEqual([
      ['campaign-bj-2025-09', 5, 'control', ['v1-ledger', 'v1-db']],
      ['campaign-sh-2025-09', 6, 'control', ['v1-ledger', 'v1-db']],
    ]);
    expect(september[1]!.title).toEqual({ 'zh-CN': '上海 2025年9月签约活动', en: 'Shanghai September 2025 signing campaign' });
    expect(september[1]!.kpi).toMatchObject({ timeRatio: { threshold: 1.2 }, consistency: { value: null, ok: true }, ready: false });
  });

  it('lists the shadow runs of a job and returns one with its diff', async () => {
    const s = await startShadowServer();
    await switchMode(s, SH, 'shadow');
    const run = await runScenario(s, SH, 'sh_scenario_A.json');
    const { runs, total } = await s.call('shadow.runs', { jobId: SH });
    expect(total).toBe(1);
    expect(runs[0]).toMatchObject({ runId: run.id, consistent: false, triggers: [{ kind: 'inconsistency' }], control: { pipelineId: 'v1-ledger' }, candidate: { pipelineId: 'v1-db' } });
    const { diff } = await s.call('shadow.diff', { shadowRunId: runs[0]!.id });
    // Spec §3.10: legacy writes 继续加油… as the self-referral's remark, the database era 无.
    expect(diff!.recordDifferences.find((r) => r.key === 'C102')!.differences).toContainEqual({ field: '备注', control: '继续加油，争取更多奖励', candidate: '无' });
    const { kpi } = (await s.call('shadow.jobs')).jobs.find((j) => j.jobId === SH)!;
    expect(kpi.consistency).toMatchObject({ ok: false, threshold: 1 });
    expect(kpi.trend).toHaveLength(1);
    const missing = await s.raw('shadow.diff', { shadowRunId: 9999 });
    expect(missing.body).toMatchObject({ ok: false, error: { code: 'SHADOW_RUN_NOT_FOUND' } });
  }, 60_000);

  it('switches modes with a reason, records the history and the next run takes the new mode', async () => {
    const s = await startShadowServer();
    const noReason = await s.raw('shadow.setMode', { jobId: SH, mode: 'control', reason: ' ' });
    expect(noReason.status).toBe(400);
    await switchMode(s, SH, 'shadow', '开始影子运行');
    expect(await s.call('shadow.setMode', { jobId: SH, mode: 'control', reason: '回滚：差异待查', via: 'ui' })).toMatchObject({ mode: 'control', candidatePipeline: 'v1-db' });
    expect(getModeForRun(s.herald.db, s.herald.clock, SH).mode).toBe('control');
    const { changes } = await s.call('shadow.history', { jobId: SH });
    expect(changes.map((c) => [c.fromMode, c.toMode, c.actor, c.reason])).toEqual([
      ['shadow', 'control', 'ui', '回滚：差异待查'],
      ['control', 'shadow', 'api', '开始影子运行'],
    ]);
  });

  it('checks pipeline names against the job catalogue', async () => {
    const s = await startShadowServer();
    const bad = await s.raw('shadow.setMode', { jobId: SH, mode: 'shadow', candidatePipeline: 'v9', reason: 'x' });
    expect(bad.body).toMatchObject({ ok: false, error: { code: 'SHADOW_PIPELINE_UNKNOWN', context: { pipeline: 'v9' } } });
  });

  it('reads and saves settings, merging nested parts and adding an external command as a pipeline', async () => {
    const s = await startShadowServer();
    const saved = await s.call('shadow.saveSettings', {
      jobId: SH,
      plannedOrder: 2,
      config: { thresholds: { maxTimeRatio: 1.1 }, minRuns: 5, autoRollback: true, diff: { listFields: ['奖励类型'] }, externalCommands: { v1: { command: 'python', args: ['jobs.py', '{input}'] } } },
    });
    expect(saved.plannedOrder).toBe(2);
    expect(saved.config.thresholds).toMatchObject({ maxTimeRatio: 1.1, maxMemoryRatio: 1.5 });
    expect(saved.config).toMatchObject({ minRuns: 5, autoRollback: true, diff: { ignoreFields: ['登记时间', 'created_at', 'updated_at'], listFields: ['奖励类型'] } });
    expect(saved.config.externalCommands.v1).toMatchObject({ command: 'python', timeoutMs: 600_000, keyField: '合同ID(_id)' });
    expect((await s.call('shadow.settings', { jobId: SH })).config.minRuns).toBe(5);
    expect((await s.call('shadow.jobs')).jobs.find((j) => j.jobId === SH)!.pipelines).toEqual(['v1-ledger', 'v1-db', 'v1']);
    const removed = await s.call('shadow.saveSettings', { jobId: SH, config: { externalCommands: { v1: null } } });
    expect(removed.config.externalCommands).toEqual({});
    // A list of compared fields, then null: every field counts again (JSON cannot carry undefined).
    const listed = await s.call('shadow.saveSettings', { jobId: SH, config: { diff: { fields: ['奖励类型'] } } });
    expect(listed.config.diff.fields).toEqual(['奖励类型']);
    const every = await s.call('shadow.saveSettings', { jobId: SH, config: { diff: { fields: null, tolerance: 0.05 } } });
    expect(every.config.diff).toMatchObject({ tolerance: 0.05, listFields: ['奖励类型'] });
    expect(every.config.diff.fields).toBeUndefined();
    // Keys a patch leaves out keep their saved values (not the defaults).
    const memory = await s.call('shadow.saveSettings', { jobId: SH, config: { thresholds: { maxMemoryRatio: 2 }, triggers: { timeRatio: 2 } } });
    expect(memory.config.thresholds).toMatchObject({ maxTimeRatio: 1.1, maxMemoryRatio: 2 });
    expect(memory.config.diff).toMatchObject({ tolerance: 0.05, listFields: ['奖励类型'] });
    const invalid = await s.raw('shadow.saveSettings', { jobId: SH, config: { thresholds: { maxTimeRatio: -1 } } });
    expect(invalid.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('refuses an external command named like one of the job’s own pipelines, or removing one the job runs', async () => {
    const s = await startShadowServer();
    const taken = await s.raw('shadow.saveSettings', { jobId: SH, config: { externalCommands: { 'v1-db': { command: 'python' } } } });
    expect(taken.body).toMatchObject({ ok: false, error: { code: 'SHADOW_PIPELINE_NAME_TAKEN', context: { pipelineId: 'v1-db', field: 'config.externalCommands.v1-db' } } });
    await s.call('shadow.saveSettings', { jobId: SH, config: { externalCommands: { v1: { command: 'python' } } } });
    await s.call('shadow.setMode', { jobId: SH, mode: 'shadow', candidatePipeline: 'v1', reason: 'v1 as candidate' });
    const inUse = await s.raw('shadow.saveSettings', { jobId: SH, config: { externalCommands: { v1: null } } });
    expect(inUse.body).toMatchObject({ ok: false, error: { code: 'SHADOW_PIPELINE_IN_USE', context: { pipelineId: 'v1', field: 'config.externalCommands.v1' } } });
    expect((await s.call('shadow.settings', { jobId: SH })).config.externalCommands).toHaveProperty('v1');
    await s.call('shadow.setMode', { jobId: SH, mode: 'control', candidatePipeline: null, reason: 'back' });
    expect((await s.call('shadow.saveSettings', { jobId: SH, config: { externalCommands: { v1: null } } })).config.externalCommands).toEqual({});
  });

  it('resets a sandbox from the live store with the pipeline’s own rows only, refusing external commands', async () => {
    const s = await startShadowServer();
    const { db } = s.herald;
    const insert = db.prepare("INSERT INTO campaign_performance_data (activity_code, contract_id, housekeeper, contract_amount, performance_amount, created_at, updated_at) VALUES (?, ?, '王五', 1, 1, 'x', 'x')");
    insert.run('SH-SEP', 'C1');
    insert.run('BJ-SEP', 'C2');
    const { file } = await s.call('shadow.resetSandbox', { jobId: SH, pipelineId: 'v1-db', from: 'live' });
    expect(file.startsWith(s.herald.paths.sandboxDir)).toBe(true);
    const sandbox = openDatabase(file, { readonly: true });
    expect(sandbox.prepare('SELECT activity_code, contract_id FROM campaign_performance_data').all()).toEqual([{ activity_code: 'SH-SEP', contract_id: 'C1' }]);
    expect(sandbox.prepare('SELECT COUNT(*) AS n FROM runs').get()).toEqual({ n: 0 });
    sandbox.close();
    await s.call('shadow.saveSettings', { jobId: SH, config: { externalCommands: { v1: { command: 'python' } } } });
    const refused = await s.raw('shadow.resetSandbox', { jobId: SH, pipelineId: 'v1' });
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'SHADOW_SANDBOX_EXTERNAL' } });
  });
});
