import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EventBus } from '../../../main/core/events.js';
import { openDatabase } from '../../../main/db/open.js';
import { migrate } from '../../../main/db/migrate.js';
import type { HeraldEvent } from '../../../main/api/contract/events.js';
import type { PipelineSpec } from '../../../main/jobs/types.js';
import { ManualClock } from '../../../main/shared/clock.js';
import { ShadowConfigSchema } from '../../../main/shadow/config.js';
import { summarise } from '../../../main/shadow/kpi.js';
import { ensureShadowJob, getModeForRun, modeHistory, setMode, updateShadowSettings } from '../../../main/shadow/modes.js';
import { executeRun } from '../../../main/shadow/run-shadow.js';
import { kpiRuns, listShadowRuns } from '../../../main/shadow/run-store.js';
import { inProcessSideRunner } from '../../../main/shadow/sides/in-process.js';
import { campaignPipeline, monthOfContracts, testOutbox, type Contract } from '../../helpers/shadow-pipelines.js';
import { tempDir } from '../../helpers/tmp.js';

const FAKE_V1 = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures-app/fake-v1.mjs');
const JOB = 'bj-month';
const DAY = 86_400_000;
const FIRST = Date.parse('2025-09-01T12:00:00Z');

describe('a generated month in shadow: v1 as an external command against Herald’s pipeline', () => {
  it('becomes ready, is promoted, and rolls back automatically on an injected difference', async () => {
    const dir = tempDir();
    const db = openDatabase(path.join(dir, 'herald.sqlite'));
    migrate(db);
    const outbox = testOutbox(db);
    const clock = new ManualClock(FIRST);
    const events = new EventBus(0);
    const alerts: HeraldEvent[] = [];
    events.subscribe((e) => e.type === 'alert' && alerts.push(e));

    let injectOn: string | null = null;
    const herald = campaignPipeline('herald', { table: 'herald_announced', skew: (c: Contract) => (c.id === injectOn ? 500 : 0) });
    const sides = inProcessSideRunner({ pipelines: () => ({ herald }) as Record<string, PipelineSpec<unknown>>, liveDb: db, enqueue: outbox.enqueue });
    const ctx = { db, clock, sandboxDir: path.join(dir, 'sandbox'), sides, events, stateScopes: () => [{ table: 'herald_announced' }] };

    ensureShadowJob(db, clock, { jobId: JOB, defaultPipeline: 'v1' });
    const config = ShadowConfigSchema.parse({
      autoRollback: true,
      externalCommands: { v1: { command: process.execPath, args: [FAKE_V1, '{input}', '{scheduledAt}'], timeoutMs: 20_000 } },
    });
    updateShadowSettings(db, clock, JOB, { config });
    setMode(db, clock, { jobId: JOB, mode: 'shadow', candidatePipeline: 'herald', reason: 'shadow v1 for September', actor: 'api' });

    const timeline: Array<{ day: number; mode: string; ready: boolean }> = [];
    for (let day = 1; day <= 30; day++) {
      clock.set(FIRST + (day - 1) * DAY);
      if (day === 21) injectOn = `C${String(day).padStart(4, '0')}`;
      const snap = getModeForRun(db, clock, JOB);
      const run = await executeRun(ctx, snap, { jobId: JOB, runId: day, input: { campaign: 'BJ-GEN', contracts: monthOfContracts(day) }, scheduledAt: new Date(clock.now()), settings: {} });
      expect(run.live.error).toBeUndefined();
      await run.comparison;
      const summary = summarise(kpiRuns(db, JOB, 0), clock.now(), config);
      timeline.push({ day, mode: snap.mode, ready: summary.ready });
      if (snap.mode === 'shadow' && summary.ready) setMode(db, clock, { jobId: JOB, mode: 'candidate', reason: 'KPIs held for 3 days', actor: 'ui' });
    }

    // Four daily shadow runs span three days: ready after day 4, promoted for day 5.
    expect(timeline.slice(0, 5)).toEqual([
      { day: 1, mode: 'shadow', ready: false },
      { day: 2, mode: 'shadow', ready: false },
      { day: 3, mode: 'shadow', ready: false },
      { day: 4, mode: 'shadow', ready: true },
      { day: 5, mode: 'candidate', ready: true },
    ]);
    expect(timeline.filter((t) => t.mode === 'candidate').map((t) => t.day)).toEqual(Array.from({ length: 17 }, (_, i) => i + 5));
    expect(timeline.filter((t) => t.mode === 'control').map((t) => t.day)).toEqual(Array.from({ length: 9 }, (_, i) => i + 22));

    const runs = listShadowRuns(db, JOB, { limit: 100, offset: 0 }).runs.reverse();
    expect(runs).toHaveLength(21);
    expect(runs.filter((r) => !r.consistent).map((r) => r.runId)).toEqual([21]);
    expect(runs.at(-1)).toMatchObject({ runId: 21, mode: 'candidate', rolledBack: true, triggers: [{ kind: 'inconsistency' }] });
    expect(runs[0]!.control).toMatchObject({ pipelineId: 'v1', store: 'external', error: null });
    expect(runs[0]!.candidate).toMatchObject({ pipelineId: 'herald', store: 'sandbox', error: null });

    expect(modeHistory(db, JOB).map((h) => [h.fromMode, h.toMode, h.actor])).toEqual([
      ['candidate', 'control', 'automatic'],
      ['shadow', 'candidate', 'ui'],
      ['control', 'shadow', 'api'],
    ]);
    expect(alerts).toEqual([expect.objectContaining({ kind: 'shadow-alert', body: expect.stringContaining('已自动回滚到对照流水线 v1') })]);
    // Herald delivered only while it was live (days 5–21), each contract once: its sandbox state went live with it.
    expect(outbox.rows().map((r) => r.business_id)).toEqual(Array.from({ length: 17 }, (_, i) => `BJ-GEN:C${String(i + 5).padStart(4, '0')}`));
  }, 120_000);
});
