import { describe, expect, it } from 'vitest';
import { setMode } from '../../../main/shadow/modes.js';
import { getShadowRunDiff } from '../../../main/shadow/run-store.js';
import { waitFor } from '../../helpers/jobs/herald.js';
import { fixtureCase, monitorWorld } from '../../helpers/monitor-world.js';
import { shadowRunOf } from '../../helpers/shadow/herald.js';

describe('a monitoring job in shadow mode, like any job', () => {
  it.each([
    ['sla-02', 'sla-daily-report'],
    ['ss-payment-02', 'smartsheet-payment-records'],
  ])('%s: herald live, v1-exact beside it in its sandbox — one delivery, the sides compared', async (id, jobId) => {
    const w = await monitorWorld();
    const c = fixtureCase(id);
    expect(c.job).toBe(jobId);
    setMode(w.herald.db, w.herald.clock, { jobId, mode: 'shadow', candidatePipeline: 'v1-exact', reason: 'monitor takeover check', actor: 'api', knownPipelines: ['herald', 'v1-exact'] });
    const run = c.runs[0]!;
    expect(run.expected.length).toBeGreaterThan(0);
    w.serve(jobId, run.card);
    const row = await w.run(jobId, run.at);
    expect(row).toMatchObject({ status: 'succeeded', mode: 'shadow', pipeline: 'herald' });

    const shadow = await waitFor(() => shadowRunOf(w.herald.db, jobId, row.id), `the shadow run of #${row.id}`);
    expect(shadow).toMatchObject({ control: { pipelineId: 'herald', store: 'live', error: null }, candidate: { pipelineId: 'v1-exact', store: 'sandbox', error: null } });
    // On a clean card v1's exact pipeline and Herald's agree, message for message.
    expect(shadow.candidate!.messages).toBe(run.expected.length);
    expect(shadow).toMatchObject({ consistent: true });
    expect(getShadowRunDiff(w.herald.db, shadow.id)!.messages).toMatchObject({ total: run.expected.length, equal: run.expected.length });
    // Only the live side's messages are queued and delivered.
    const delivered = await w.delivered(row.id);
    expect(delivered).toHaveLength(run.expected.length);
    expect(delivered.every((m) => m.status === 'sent')).toBe(true);
    expect(w.herald.db.prepare('SELECT COUNT(*) FROM messages').pluck().get()).toBe(run.expected.length);
  }, 60_000);
});
