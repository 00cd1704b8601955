import { describe, expect, it } from 'vitest';
import { startTestServer } from '../../helpers/headless.js';
import { DEMO_JOB, seedShadowDemo } from '../../../main/shadow/demo.js';
import { getModeForRun } from '../../../main/shadow/modes.js';
import { wireShadow } from '../../../main/shadow/wiring.js';

describe('shadow API', () => {
  it('lists jobs with mode, pipelines, KPIs against thresholds and planned order', async () => {
    const s = await startTestServer();
    seedShadowDemo(s.herald.db, s.herald.clock);
    const { jobs, cores } = await s.call('shadow.jobs');
    expect(cores).toBeGreaterThan(0);
    expect(jobs).toHaveLength(1);
    const job = jobs[0]!;
    expect(job).toMatchObject({ jobId: DEMO_JOB, mode: 'shadow', controlPipeline: 'v1-ledger', candidatePipeline: 'v1-db', pipelines: ['v1-ledger', 'v1-db'], plannedOrder: 5 });
    expect(job.kpi.timeRatio.threshold).toBe(1.2);
    expect(job.kpi.consistency).toMatchObject({ threshold: 1, ok: false });
    expect(job.kpi.ready).toBe(false);
    expect(job.kpi.trend).toHaveLength(3);
  });

  it('lists runs and returns a run with its diff', async () => {
    const s = await startTestServer();
    seedShadowDemo(s.herald.db, s.herald.clock);
    const { runs, total } = await s.call('shadow.runs', { jobId: DEMO_JOB, limit: 2 });
    expect(total).toBe(3);
    expect(runs).toHaveLength(2);
    expect(runs[0]).toMatchObject({ consistent: false, triggers: [{ kind: 'inconsistency' }] });
    const { run, diff } = await s.call('shadow.diff', { shadowRunId: runs[0]!.id });
    expect(run.id).toBe(runs[0]!.id);
    expect(diff!.recordDifferences).toEqual([expect.objectContaining({ key: 'C302', differences: [{ field: '管家累计业绩金额', control: 60000, candidate: 40000 }] })]);
    expect(diff!.messageDifferences[0]!.lines).toContainEqual({ op: 'delete', text: '👊 距离达成节节高奖励条件还需 9 单。' });
    const missing = await s.raw('shadow.diff', { shadowRunId: 9999 });
    expect(missing.body).toMatchObject({ ok: false, error: { code: 'SHADOW_RUN_NOT_FOUND' } });
  });

  it('switches modes with a reason, records the history and the next run takes the new mode', async () => {
    const s = await startTestServer();
    seedShadowDemo(s.herald.db, s.herald.clock);
    const noReason = await s.raw('shadow.setMode', { jobId: DEMO_JOB, mode: 'control', reason: ' ' });
    expect(noReason.status).toBe(400);
    expect(await s.call('shadow.setMode', { jobId: DEMO_JOB, mode: 'control', reason: '回滚：差异待查', via: 'ui' })).toMatchObject({ mode: 'control', candidatePipeline: 'v1-db' });
    expect(getModeForRun(s.herald.db, s.herald.clock, DEMO_JOB).mode).toBe('control');
    const { changes } = await s.call('shadow.history', { jobId: DEMO_JOB });
    expect(changes.map((c) => [c.fromMode, c.toMode, c.actor, c.reason])).toEqual([
      ['shadow', 'control', 'ui', '回滚：差异待查'],
      ['control', 'shadow', 'api', '演示：九月活动影子运行'],
    ]);
  });

  it('checks pipeline names against the job catalogue once it is wired', async () => {
    const s = await startTestServer();
    seedShadowDemo(s.herald.db, s.herald.clock);
    wireShadow(s.herald, { catalogue: () => [{ id: DEMO_JOB, title: { 'zh-CN': '北京九月', en: 'Beijing September' }, pipelines: ['v1-ledger', 'v1-db'], defaultPipeline: 'v1-ledger' }] });
    const bad = await s.raw('shadow.setMode', { jobId: DEMO_JOB, mode: 'shadow', candidatePipeline: 'v9', reason: 'x' });
    expect(bad.body).toMatchObject({ ok: false, error: { code: 'SHADOW_PIPELINE_UNKNOWN', context: { pipeline: 'v9' } } });
    expect((await s.call('shadow.jobs')).jobs[0]!.title).toEqual({ 'zh-CN': '北京九月', en: 'Beijing September' });
  });

  it('reads and saves settings, merging nested parts and adding an external command as a pipeline', async () => {
    const s = await startTestServer();
    seedShadowDemo(s.herald.db, s.herald.clock);
    const saved = await s.call('shadow.saveSettings', {
      jobId: DEMO_JOB,
      plannedOrder: 2,
      config: { thresholds: { maxTimeRatio: 1.1 }, minRuns: 5, autoRollback: true, externalCommands: { v1: { command: 'python', args: ['jobs.py', '{input}'] } } },
    });
    expect(saved.plannedOrder).toBe(2);
    expect(saved.config.thresholds).toMatchObject({ maxTimeRatio: 1.1, maxMemoryRatio: 1.5 });
    expect(saved.config).toMatchObject({ minRuns: 5, autoRollback: true, diff: { ignoreFields: ['登记时间'] } });
    expect(saved.config.externalCommands.v1).toMatchObject({ command: 'python', timeoutMs: 600_000, keyField: '合同ID(_id)' });
    expect((await s.call('shadow.settings', { jobId: DEMO_JOB })).config.minRuns).toBe(5);
    expect((await s.call('shadow.jobs')).jobs[0]!.pipelines).toEqual(['v1-ledger', 'v1-db', 'v1']);
    const removed = await s.call('shadow.saveSettings', { jobId: DEMO_JOB, config: { externalCommands: { v1: null } } });
    expect(removed.config.externalCommands).toEqual({});
    const invalid = await s.raw('shadow.saveSettings', { jobId: DEMO_JOB, config: { thresholds: { maxTimeRatio: -1 } } });
    expect(invalid.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('resets a sandbox, refusing external commands', async () => {
    const s = await startTestServer();
    seedShadowDemo(s.herald.db, s.herald.clock);
    const { file } = await s.call('shadow.resetSandbox', { jobId: DEMO_JOB, pipelineId: 'v1-db', from: 'live' });
    expect(file.startsWith(s.herald.paths.sandboxDir)).toBe(true);
    await s.call('shadow.saveSettings', { jobId: DEMO_JOB, config: { externalCommands: { v1: { command: 'python' } } } });
    const refused = await s.raw('shadow.resetSandbox', { jobId: DEMO_JOB, pipelineId: 'v1' });
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'SHADOW_SANDBOX_EXTERNAL' } });
  });
});
