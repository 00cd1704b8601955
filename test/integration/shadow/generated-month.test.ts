import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Herald } from '../../../main/core/herald.js';
import type { HeraldEvent } from '../../../main/api/contract/events.js';
import { ManualClock } from '../../../main/shared/clock.js';
import { ShadowConfigSchema } from '../../../main/shadow/config.js';
import { summarise } from '../../../main/shadow/kpi.js';
import { getShadowJob, modeHistory, setMode, updateShadowSettings } from '../../../main/shadow/modes.js';
import { kpiRuns, listShadowRuns } from '../../../main/shadow/run-store.js';
import { monthOfContracts } from '../../helpers/shadow-pipelines.js';
import { MONTH_JOB } from '../../helpers/shadow/catalogue.js';
import { outboxRows, runWithInput, startShadowHerald } from '../../helpers/shadow/herald.js';
import { tempDir } from '../../helpers/tmp.js';

const FAKE_V1 = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures-app/fake-v1.mjs');
const DAY = 86_400_000;
const FIRST = Date.parse('2025-09-01T12:00:00Z');
const id = (n: number) => `C${String(n).padStart(4, '0')}`;

const opened: Herald[] = [];
afterEach(async () => {
  for (const h of opened.splice(0)) await h.close();
});

describe('a generated month in shadow through the runner: v1 as an external command, Herald’s pipeline as candidate', () => {
  it('becomes ready, is promoted, and rolls back automatically on an injected difference; each contract announced once', async () => {
    const clock = new ManualClock(FIRST);
    const { herald, jobs } = await startShadowHerald(tempDir(), clock);
    opened.push(herald);
    const { db } = herald;
    const alerts: HeraldEvent[] = [];
    herald.events.subscribe((e) => e.type === 'alert' && alerts.push(e));
    const config = ShadowConfigSchema.parse({
      autoRollback: true,
      externalCommands: { v1: { command: process.execPath, args: [FAKE_V1, '{input}', '{scheduledAt}'], timeoutMs: 20_000 } },
    });
    updateShadowSettings(db, clock, MONTH_JOB, { config });
    setMode(db, clock, { jobId: MONTH_JOB, mode: 'shadow', controlPipeline: 'v1', candidatePipeline: 'herald', reason: 'shadow v1 for September', actor: 'api' });

    const timeline: Array<{ day: number; mode: string | null; ready: boolean }> = [];
    const runIds: number[] = [];
    for (let day = 1; day <= 30; day++) {
      clock.set(FIRST + (day - 1) * DAY);
      // Day 21: Herald's pipeline is told to get one contract's total wrong.
      if (day === 21) jobs.update(MONTH_JOB, { settings: { skewContract: id(21) } });
      const run = await runWithInput(jobs, MONTH_JOB, { campaign: 'BJ-GEN', contracts: monthOfContracts(day) });
      expect(run.status).toBe('succeeded');
      runIds.push(run.id);
      const summary = summarise(kpiRuns(db, MONTH_JOB, 0), clock.now(), config);
      timeline.push({ day, mode: run.mode, ready: summary.ready });
      if (run.mode === 'shadow' && summary.ready) setMode(db, clock, { jobId: MONTH_JOB, mode: 'candidate', reason: 'KPIs held for 3 days', actor: 'ui' });
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

    const shadowRuns = listShadowRuns(db, MONTH_JOB, { limit: 100, offset: 0 }).runs.reverse();
    expect(shadowRuns.map((r) => r.runId)).toEqual(runIds.slice(0, 21));
    expect(shadowRuns.filter((r) => !r.consistent).map((r) => r.runId)).toEqual([runIds[20]]);
    expect(shadowRuns.at(-1)).toMatchObject({ mode: 'candidate', rolledBack: true, triggers: [{ kind: 'inconsistency' }] });
    expect(shadowRuns[0]!.control).toMatchObject({ pipelineId: 'v1', store: 'external', error: null });
    expect(shadowRuns[0]!.candidate).toMatchObject({ pipelineId: 'herald', store: 'sandbox', error: null });
    expect(shadowRuns[4]!).toMatchObject({ liveSide: 'candidate', control: { store: 'external' }, candidate: { store: 'live' } });

    expect(modeHistory(db, MONTH_JOB).map((h) => [h.fromMode, h.toMode, h.actor])).toEqual([
      ['candidate', 'control', 'automatic'],
      ['shadow', 'candidate', 'ui'],
      ['control', 'shadow', 'api'],
    ]);
    expect(getShadowJob(db, MONTH_JOB)).toMatchObject({ mode: 'control', controlPipeline: 'v1', stateHolder: 'v1' });
    expect(alerts).toEqual([expect.objectContaining({ kind: 'shadow-alert', body: expect.stringContaining('已自动回滚到对照流水线 v1') })]);

    // v1 live (shadow, and again after the rollback): Herald enqueued nothing, the run shows what v1 printed.
    const last = jobs.runs.get(runIds[29]!)!;
    expect(last).toMatchObject({ mode: 'control', pipeline: 'v1', records: 30, messages: 1, messages_new: 0 });
    // Herald delivered only while it was live (days 5–21), each contract once: its sandbox
    // state (the announcements of days 1–4) went live with it.
    expect(outboxRows(db).map((r) => r.business_id)).toEqual(Array.from({ length: 17 }, (_, i) => `BJ-GEN:${id(i + 5)}`));
    expect(outboxRows(db).map((r) => r.run_id)).toEqual(runIds.slice(4, 21));
  }, 240_000);
});
