import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/db/open.js';
import { migrate } from '../../../main/db/migrate.js';
import { diffRules, diffSides } from '../../../main/shadow/diff/index.js';
import { getShadowRunDiff, insertShadowRun, kpiRuns, listShadowRuns, pruneShadowRuns, toStoredDiff, type ShadowRunInput } from '../../../main/shadow/run-store.js';
import { tempDir } from '../../helpers/tmp.js';

const DAY = 86_400_000;
const T0 = Date.parse('2025-09-01T01:00:00Z');

function db() {
  const d = openDatabase(path.join(tempDir(), 'h.sqlite'));
  migrate(d);
  return d;
}

const side = (pipelineId: string, store: 'live' | 'sandbox') => ({ pipelineId, store, durationMs: 1000, peakMemoryBytes: 1e6, error: null, timedOut: false, records: 1, messages: 0 });

function input(day: number, o: Partial<ShadowRunInput> = {}): ShadowRunInput {
  const diff = diffSides({ records: [{ key: 'C1', fields: { a: 1 } }], messages: [] }, { records: [{ key: 'C1', fields: { a: day === 2 ? 2 : 1 } }], messages: [] }, diffRules());
  return {
    jobId: 'j',
    runId: day,
    mode: 'shadow',
    liveSide: 'control',
    controlPipeline: 'a',
    candidatePipeline: 'b',
    scheduledAt: new Date(T0 + day * DAY).toISOString(),
    startedMs: T0 + day * DAY,
    finishedAt: new Date(T0 + day * DAY + 5000).toISOString(),
    cores: 2,
    control: side('a', 'live'),
    candidate: side('b', 'sandbox'),
    diff: toStoredDiff(diff),
    noiseCalibrated: false,
    triggers: [],
    rolledBack: false,
    ...o,
  };
}

describe('shadow run store', () => {
  it('stores a run with its counts and diff, lists newest first with paging', () => {
    const d = db();
    for (const day of [0, 1, 2]) insertShadowRun(d, input(day));
    const page = listShadowRuns(d, 'j', { limit: 2, offset: 0 });
    expect(page.total).toBe(3);
    expect(page.runs.map((r) => r.runId)).toEqual([2, 1]);
    expect(page.runs[0]).toMatchObject({ consistent: false, consistency: 0, counts: { records: { different: 1, total: 1 } }, cores: 2, control: { pipelineId: 'a', store: 'live' } });
    expect(listShadowRuns(d, 'j', { limit: 2, offset: 2 }).runs.map((r) => r.runId)).toEqual([0]);
    expect(getShadowRunDiff(d, page.runs[0]!.id)!.recordDifferences[0]!.differences).toEqual([{ field: 'a', control: 1, candidate: 2 }]);
  });

  it('stores a run without comparison', () => {
    const d = db();
    const r = insertShadowRun(d, input(0, { diff: null, candidate: { ...side('b', 'sandbox'), error: { code: 'X', message: 'boom' } } }));
    expect(r).toMatchObject({ consistency: null, consistent: null, counts: null, candidate: { error: { code: 'X' } } });
    expect(getShadowRunDiff(d, r.id)).toBeNull();
  });

  it('gives KPI rows, with delivery outcomes only for a live candidate', () => {
    const d = db();
    insertShadowRun(d, input(0));
    insertShadowRun(d, input(1, { mode: 'candidate', liveSide: 'candidate' }));
    const rows = kpiRuns(d, 'j', 0, (runId) => ({ sent: runId * 10, failed: 1 }));
    expect(rows.map((r) => r.notifications)).toEqual([null, { sent: 10, failed: 1 }]);
    expect(kpiRuns(d, 'j', T0 + DAY)).toHaveLength(1);
  });

  it('prunes old runs together with their diffs', () => {
    const d = db();
    const old = insertShadowRun(d, input(0));
    insertShadowRun(d, input(5));
    expect(pruneShadowRuns(d, T0 + 3 * DAY)).toBe(1);
    expect(getShadowRunDiff(d, old.id)).toBeNull();
    expect(listShadowRuns(d, 'j', { limit: 10, offset: 0 }).total).toBe(1);
  });
});
