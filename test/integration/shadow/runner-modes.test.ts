import { afterEach, describe, expect, it } from 'vitest';
import type { Herald } from '../../../main/core/herald.js';
import { ManualClock } from '../../../main/shared/clock.js';
import { getShadowJob, rollback, setMode } from '../../../main/shadow/modes.js';
import { listShadowRuns } from '../../../main/shadow/run-store.js';
import { waitFor, waitForRun } from '../../helpers/jobs/herald.js';
import { monthOfContracts } from '../../helpers/shadow-pipelines.js';
import { SHADOW_JOB } from '../../helpers/shadow/catalogue.js';
import { outboxRows, runWithInput, shadowRunOf, startShadowHerald } from '../../helpers/shadow/herald.js';
import { tempDir } from '../../helpers/tmp.js';

const opened: Herald[] = [];
afterEach(async () => {
  for (const h of opened.splice(0)) await h.close();
});

async function start() {
  const clock = new ManualClock(Date.parse('2025-09-03T12:00:00Z'));
  const h = await startShadowHerald(tempDir(), clock);
  opened.push(h.herald);
  return { ...h, clock };
}

const input = (days: number) => ({ campaign: 'W', contracts: monthOfContracts(days) });

describe('modes through the runner', () => {
  it('control mode is the plain run: no shadow run, no sandbox, the mode recorded', async () => {
    const { herald, jobs } = await start();
    const run = await runWithInput(jobs, SHADOW_JOB, input(2));
    expect(run).toMatchObject({ status: 'succeeded', mode: 'control', pipeline: 'ledger', messages_new: 2 });
    expect(listShadowRuns(herald.db, SHADOW_JOB, { limit: 10, offset: 0 }).total).toBe(0);
    expect(jobs.getRun(run.id).logs.map((l) => l.message)).not.toContain('Mode control: ledger is live');
    expect(jobs.getRun(run.id).mode).toBe('control');
  }, 60_000);

  it('a job whose shadow settings cannot be read fails its run saying so, instead of hanging', async () => {
    const { herald, jobs } = await start();
    herald.db.prepare(`UPDATE shadow_jobs SET config = '{"windowDays": -1}' WHERE job_id = ?`).run(SHADOW_JOB);
    const run = await runWithInput(jobs, SHADOW_JOB, input(1));
    expect(run).toMatchObject({ status: 'failed', error_code: 'SHADOW_CONFIG_INVALID', mode: null });
    expect(outboxRows(herald.db)).toEqual([]);
  }, 60_000);

  it('a switch during a run: the run finishes in the mode it started with, the next run takes the new one', async () => {
    const { herald, jobs, clock } = await start();
    setMode(herald.db, clock, { jobId: SHADOW_JOB, mode: 'shadow', candidatePipeline: 'db', reason: 'test', actor: 'api' });
    jobs.update(SHADOW_JOB, { settings: { holdMs: 1500 } });
    const { runId } = jobs.runNow(SHADOW_JOB, input(2));
    await waitFor(() => jobs.runs.get(runId)?.status === 'running', 'the run to start');
    rollback(herald.db, clock, SHADOW_JOB, 'switched while the run was in flight', 'ui');
    const first = await waitForRun(jobs, runId, 60_000);
    expect(first).toMatchObject({ status: 'succeeded', mode: 'shadow' });
    expect(shadowRunOf(herald.db, SHADOW_JOB, runId)).toMatchObject({ mode: 'shadow', consistent: true, candidate: { pipelineId: 'db', error: null } });

    jobs.update(SHADOW_JOB, { settings: {} });
    const next = await runWithInput(jobs, SHADOW_JOB, input(3));
    expect(next).toMatchObject({ status: 'succeeded', mode: 'control', pipeline: 'ledger' });
    expect(shadowRunOf(herald.db, SHADOW_JOB, next.id)).toBeUndefined();
  }, 60_000);

  it('rollback while runs are queued: each queued run takes the mode when it starts, and nothing is announced twice', async () => {
    const { herald, jobs, clock } = await start();
    setMode(herald.db, clock, { jobId: SHADOW_JOB, mode: 'candidate', candidatePipeline: 'db', reason: 'promote', actor: 'api' });
    // The control verifying beside the live candidate is slow: the job stays busy, the next runs queue.
    jobs.update(SHADOW_JOB, { settings: { holdMs: 1500 } });
    const a = jobs.runNow(SHADOW_JOB, input(3)).runId;
    const b = jobs.runNow(SHADOW_JOB, input(3)).runId;
    const c = jobs.runNow(SHADOW_JOB, input(4)).runId;
    await waitFor(() => jobs.runs.get(a)?.status === 'running', 'the first run to start');
    expect(jobs.runner.queued(SHADOW_JOB)).toBe(2);
    rollback(herald.db, clock, SHADOW_JOB, 'rollback with runs queued', 'tray');
    const runs = [await waitForRun(jobs, a, 60_000), await waitForRun(jobs, b, 60_000), await waitForRun(jobs, c, 60_000)];
    expect(runs.map((r) => [r.status, r.mode, r.pipeline])).toEqual([
      ['succeeded', 'candidate', 'db'],
      ['succeeded', 'control', 'ledger'],
      ['succeeded', 'control', 'ledger'],
    ]);
    expect(shadowRunOf(herald.db, SHADOW_JOB, a)).toMatchObject({ liveSide: 'candidate', consistent: true });
    expect(getShadowJob(herald.db, SHADOW_JOB)).toMatchObject({ mode: 'control', stateHolder: 'ledger' });
    // The candidate announced C0001–C0003 live; the ledger's state came back from its sandbox, so
    // after the rollback only C0004 is new.
    expect(outboxRows(herald.db).map((r) => [r.business_id, r.run_id])).toEqual([
      ['W:C0001', a],
      ['W:C0002', a],
      ['W:C0003', a],
      ['W:C0004', c],
    ]);
    expect(herald.db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'db_announced'").get()).toBeDefined();
    expect(herald.db.prepare('SELECT COUNT(*) AS n FROM db_announced').get()).toEqual({ n: 0 });
  }, 60_000);
});
