import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/db/open.js';
import { migrate } from '../../../main/db/migrate.js';
import { ManualClock } from '../../../main/shared/clock.js';
import { ShadowConfigSchema } from '../../../main/shadow/config.js';
import { ensureShadowJob, getModeForRun, listShadowJobs, modeHistory, rollback, setMode, updateShadowSettings } from '../../../main/shadow/modes.js';
import { tempDir } from '../../helpers/tmp.js';

function setup() {
  const db = openDatabase(path.join(tempDir(), 'herald.sqlite'));
  migrate(db);
  const clock = new ManualClock(Date.parse('2025-09-01T01:00:00Z'));
  ensureShadowJob(db, clock, { jobId: 'bj-sep', defaultPipeline: 'v1-ledger' });
  return { db, clock };
}
const known = ['v1-ledger', 'v1-db'];

describe('modes and migration history', () => {
  it('registers a job in control mode with its default pipeline, once', () => {
    const { db, clock } = setup();
    setMode(db, clock, { jobId: 'bj-sep', mode: 'shadow', candidatePipeline: 'v1-db', reason: 'start', actor: 'ui' });
    const again = ensureShadowJob(db, clock, { jobId: 'bj-sep', defaultPipeline: 'other' });
    expect(again).toMatchObject({ mode: 'shadow', controlPipeline: 'v1-ledger', candidatePipeline: 'v1-db' });
  });

  it('records every switch with when, from, to, why and who', () => {
    const { db, clock } = setup();
    setMode(db, clock, { jobId: 'bj-sep', mode: 'shadow', candidatePipeline: 'v1-db', reason: '开始影子运行', actor: 'ui', knownPipelines: known });
    clock.advance(3 * 86_400_000);
    setMode(db, clock, { jobId: 'bj-sep', mode: 'candidate', reason: 'ready', actor: 'tray' });
    clock.advance(60_000);
    rollback(db, clock, 'bj-sep', 'numbers look wrong', 'api');
    const history = modeHistory(db, 'bj-sep');
    expect(history.map((h) => [h.fromMode, h.toMode, h.reason, h.actor])).toEqual([
      ['candidate', 'control', 'numbers look wrong', 'api'],
      ['shadow', 'candidate', 'ready', 'tray'],
      ['control', 'shadow', '开始影子运行', 'ui'],
    ]);
    expect(history[2]).toMatchObject({ at: '2025-09-01T01:00:00.000Z', fromCandidate: null, toCandidate: 'v1-db', toControl: 'v1-ledger' });
    expect(history[0]!.at).toBe('2025-09-04T01:01:00.000Z');
  });

  it('refuses shadow or candidate mode without a distinct candidate, unknown pipelines and empty reasons', () => {
    const { db, clock } = setup();
    expect(() => setMode(db, clock, { jobId: 'bj-sep', mode: 'shadow', reason: 'x', actor: 'ui' })).toThrow(expect.objectContaining({ code: 'SHADOW_CANDIDATE_REQUIRED' }));
    expect(() => setMode(db, clock, { jobId: 'bj-sep', mode: 'shadow', candidatePipeline: 'v1-ledger', reason: 'x', actor: 'ui' })).toThrow(expect.objectContaining({ code: 'SHADOW_CANDIDATE_REQUIRED' }));
    expect(() => setMode(db, clock, { jobId: 'bj-sep', mode: 'shadow', candidatePipeline: 'v9', reason: 'x', actor: 'ui', knownPipelines: known })).toThrow(expect.objectContaining({ code: 'SHADOW_PIPELINE_UNKNOWN' }));
    expect(() => setMode(db, clock, { jobId: 'bj-sep', mode: 'control', reason: '  ', actor: 'ui' })).toThrow(expect.objectContaining({ code: 'SHADOW_REASON_REQUIRED' }));
    expect(() => setMode(db, clock, { jobId: 'nope', mode: 'control', reason: 'x', actor: 'ui' })).toThrow(expect.objectContaining({ code: 'SHADOW_JOB_UNKNOWN' }));
    expect(modeHistory(db)).toEqual([]);
  });

  it('accepts an external command of the job as a pipeline', () => {
    const { db, clock } = setup();
    const config = ShadowConfigSchema.parse({ externalCommands: { v1: { command: 'python3', args: ['run.py'] } } });
    updateShadowSettings(db, clock, 'bj-sep', { config });
    const job = setMode(db, clock, { jobId: 'bj-sep', mode: 'shadow', controlPipeline: 'v1', candidatePipeline: 'v1-db', reason: 'shadow v1 itself', actor: 'ui', knownPipelines: known });
    expect(job).toMatchObject({ controlPipeline: 'v1', candidatePipeline: 'v1-db', mode: 'shadow' });
  });

  it('a run keeps the snapshot it started with; a switch takes effect from the next run', () => {
    const { db, clock } = setup();
    setMode(db, clock, { jobId: 'bj-sep', mode: 'shadow', candidatePipeline: 'v1-db', reason: 'start', actor: 'ui' });
    const inFlight = getModeForRun(db, clock, 'bj-sep');
    rollback(db, clock, 'bj-sep', 'stop', 'ui');
    expect(inFlight.mode).toBe('shadow');
    expect(Object.isFrozen(inFlight) && Object.isFrozen(inFlight.config) && Object.isFrozen(inFlight.config.thresholds)).toBe(true);
    expect(() => {
      (inFlight as { mode: string }).mode = 'control';
    }).toThrow();
    const next = getModeForRun(db, clock, 'bj-sep');
    expect(next.mode).toBe('control');
    expect(next.version).toBeGreaterThan(inFlight.version);
  });

  it('gives an unregistered job its default pipeline in control mode', () => {
    const { db, clock } = setup();
    expect(getModeForRun(db, clock, 'sla-daily', 'default')).toMatchObject({ mode: 'control', controlPipeline: 'default', candidatePipeline: null });
    expect(() => getModeForRun(db, clock, 'unknown')).toThrow(expect.objectContaining({ code: 'SHADOW_JOB_UNKNOWN' }));
  });

  it('lists jobs in their planned migration order, unplanned last', () => {
    const { db, clock } = setup();
    for (const [jobId, order] of [['sh-sep', 6], ['bj-jun', 1], ['sh-apr', 4], ['bj-aug', 2], ['misc', null]] as const) {
      ensureShadowJob(db, clock, { jobId, defaultPipeline: 'p', ...(order !== null ? { plannedOrder: order } : {}) });
    }
    updateShadowSettings(db, clock, 'bj-sep', { plannedOrder: 3 });
    expect(listShadowJobs(db).map((j) => j.jobId)).toEqual(['bj-jun', 'bj-aug', 'bj-sep', 'sh-apr', 'sh-sep', 'misc']);
    updateShadowSettings(db, clock, 'bj-sep', { plannedOrder: null });
    expect(listShadowJobs(db).at(-1)!.jobId).toBe('misc');
    expect(listShadowJobs(db).at(-2)!.jobId).toBe('bj-sep');
  });
});
