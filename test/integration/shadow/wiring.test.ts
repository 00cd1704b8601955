import { describe, expect, it } from 'vitest';
import { startTestServer } from '../../helpers/headless.js';
import { DEMO_JOB } from '../../../main/shadow/demo.js';
import { getShadowJob } from '../../../main/shadow/modes.js';
import { seedPlannedOrder } from '../../../main/shadow/plan.js';
import { shadowContext, wireShadow } from '../../../main/shadow/wiring.js';

describe('shadow wiring', () => {
  it('the demo starts with one job in shadow mode and a run with a real difference', async () => {
    const s = await startTestServer({ demo: true });
    const { jobs } = await s.call('shadow.jobs');
    expect(jobs.map((j) => [j.jobId, j.mode])).toEqual([[DEMO_JOB, 'shadow']]);
    const { runs } = await s.call('shadow.runs', { jobId: DEMO_JOB });
    expect(runs.filter((r) => r.consistent === false)).toHaveLength(1);
  });

  it('registers catalogue jobs in control mode with their planned order, and refuses runs before a side runner is wired', async () => {
    const s = await startTestServer();
    expect(() => shadowContext(s.herald)).toThrow(expect.objectContaining({ code: 'SHADOW_NOT_WIRED' }));
    wireShadow(s.herald, {
      catalogue: () => [{ id: 'bj-2025-06', title: { 'zh-CN': '北京六月', en: 'Beijing June' }, pipelines: ['v1-ledger'], defaultPipeline: 'v1-ledger', plannedOrder: seedPlannedOrder('BJ-2025-06')! }],
      sides: async () => ({ durationMs: 0, peakMemoryBytes: null }),
    });
    expect(getShadowJob(s.herald.db, 'bj-2025-06')).toMatchObject({ mode: 'control', controlPipeline: 'v1-ledger', plannedOrder: 1 });
    expect(shadowContext(s.herald)).toMatchObject({ sandboxDir: s.herald.paths.sandboxDir, language: 'zh-CN' });
    expect(seedPlannedOrder('SH-2025-09')).toBe(6);
    expect(seedPlannedOrder('BJ-2025-10')).toBeUndefined();
  });
});
