import { describe, expect, it } from 'vitest';
import { Herald } from '../../../main/core/herald.js';
import { jobsFor } from '../../../main/jobs/service.js';
import { DEMO_JOB } from '../../../main/shadow/demo.js';
import { getShadowJob, modeHistory } from '../../../main/shadow/modes.js';
import { catalogueEntry, shadowContext, stateScopesOf } from '../../../main/shadow/wiring.js';
import { startTestServer } from '../../helpers/headless.js';
import { createTestTables, waitFor, waitForRun } from '../../helpers/jobs/herald.js';
import { shadowJobsConfig } from '../../helpers/shadow/herald.js';
import { startShadowServer } from '../../helpers/shadow/server.js';
import { tempDir } from '../../helpers/tmp.js';

describe('shadow wiring', () => {
  it('the jobs service registers its pipeline jobs in control mode with planned order, pipelines and state scopes', async () => {
    const s = await startShadowServer();
    expect(getShadowJob(s.herald.db, 'campaign-bj-2025-09')).toMatchObject({ mode: 'control', controlPipeline: 'v1-ledger', candidatePipeline: null, stateHolder: 'v1-ledger', plannedOrder: 5 });
    expect(catalogueEntry(s.herald, 'campaign-sh-2025-09')).toMatchObject({ pipelines: ['v1-ledger', 'v1-db'], defaultPipeline: 'v1-ledger', plannedOrder: 6 });
    expect(stateScopesOf(s.herald, 'campaign-sh-2025-09', 'v1-ledger')).toEqual([{ table: 'campaign_ledger', where: 'activity_code = ?', params: ['SH-SEP'] }]);
    expect(stateScopesOf(s.herald, 'campaign-sh-2025-09', 'v1-db')).toEqual([{ table: 'campaign_performance_data', where: 'activity_code = ?', params: ['SH-SEP'] }]);
    // Jobs Herald has not built have no pipelines, so shadow mode does not list them.
    expect(getShadowJob(s.herald.db, 'campaign-bj-2025-10')).toBeUndefined();
    expect(shadowContext(s.herald)).toMatchObject({ sandboxDir: s.herald.paths.sandboxDir, language: 'zh-CN' });
    expect(shadowContext(s.herald).notificationStats!(1)).toBeNull();
  });

  it('the demo puts Shanghai September in shadow mode and runs it for real on the bundled contracts', async () => {
    // The test outbox exists before the demo's run starts.
    const dataDir = tempDir();
    const prepared = Herald.open({ dataDir, mode: 'headless', logToConsole: false, jobs: shadowJobsConfig() });
    createTestTables(prepared.db);
    await prepared.close();

    const s = await startTestServer({ dataDir, demo: true, jobs: shadowJobsConfig() });
    expect(modeHistory(s.herald.db, DEMO_JOB).map((c) => [c.toMode, c.toCandidate])).toEqual([['shadow', 'v1-db']]);
    const jobs = jobsFor(s.herald);
    const runId = await waitFor(() => jobs.runs.lastFinished(DEMO_JOB)?.id ?? jobs.runner.running(DEMO_JOB)?.runId, 'the demo run');
    expect(await waitForRun(jobs, runId, 60_000)).toMatchObject({ status: 'succeeded', mode: 'shadow', pipeline: 'v1-ledger' });
    const { runs } = await s.call('shadow.runs', { jobId: DEMO_JOB });
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ runId, consistent: false, control: { records: 32, error: null }, candidate: { records: 32, error: null } });
    const { diff } = await s.call('shadow.diff', { shadowRunId: runs[0]!.id });
    expect(diff!.fieldCounts['备注']).toBeGreaterThan(0);
    expect(diff!.messages).toMatchObject({ different: 0 });
    await s.stop();

    // A second start of the same demo folder leaves it as it was.
    const again = await startTestServer({ dataDir, demo: true, jobs: shadowJobsConfig() });
    expect(modeHistory(again.herald.db, DEMO_JOB)).toHaveLength(1);
    expect(jobsFor(again.herald).runs.lastFinished(DEMO_JOB)?.id).toBe(runId);
  }, 60_000);
});
