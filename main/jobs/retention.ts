import type { Db } from '../db/open.js';
import type { RunRow } from './run-store.js';

import { shanghaiDate } from '../shared/shanghai-time.js';

const DAY_MS = 86_400_000;

interface DaySummary {
  runs: number;
  byStatus: Record<string, number>;
  totalDurationMs: number;
  maxDurationMs: number;
  counts: Record<string, number>;
}

interface SummaryRow {
  runs: number;
  by_status: string;
  total_duration_ms: number;
  max_duration_ms: number;
  counts: string;
}

function addTo(target: Record<string, number>, source: Record<string, number>): void {
  for (const [k, v] of Object.entries(source)) if (typeof v === 'number') target[k] = (target[k] ?? 0) + v;
}

export interface PruneReport {
  runs: number;
  inputs: number;
  summaries: number;
}

/**
 * Deletes runs created before `retentionDays` (with their log lines and the input snapshots no run
 * refers to any more) and folds each into the summary row of its job and office day
 * (`run_daily_summaries`: runs per status, durations, summed counts), which is kept.
 */
export function pruneRuns(db: Db, now: number, retentionDays: number): PruneReport {
  const cutoff = now - retentionDays * DAY_MS;
  return db.transaction(() => {
    const old = db.prepare("SELECT * FROM runs WHERE created_at < ? AND status NOT IN ('queued', 'running')").all(cutoff) as RunRow[];
    const days = new Map<string, DaySummary & { jobId: string; day: string }>();
    for (const run of old) {
      const day = shanghaiDate(run.created_at);
      const key = `${run.job_id}\u0000${day}`;
      const s = days.get(key) ?? { jobId: run.job_id, day, runs: 0, byStatus: {}, totalDurationMs: 0, maxDurationMs: 0, counts: {} };
      s.runs += 1;
      s.byStatus[run.status] = (s.byStatus[run.status] ?? 0) + 1;
      s.totalDurationMs += run.duration_ms ?? 0;
      s.maxDurationMs = Math.max(s.maxDurationMs, run.duration_ms ?? 0);
      if (run.counts) addTo(s.counts, JSON.parse(run.counts) as Record<string, number>);
      days.set(key, s);
    }
    const read = db.prepare('SELECT runs, by_status, total_duration_ms, max_duration_ms, counts FROM run_daily_summaries WHERE job_id = ? AND day = ?');
    const write = db.prepare(
      `INSERT INTO run_daily_summaries (job_id, day, runs, by_status, total_duration_ms, max_duration_ms, counts) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (job_id, day) DO UPDATE SET runs = excluded.runs, by_status = excluded.by_status, total_duration_ms = excluded.total_duration_ms,
         max_duration_ms = excluded.max_duration_ms, counts = excluded.counts`,
    );
    for (const s of days.values()) {
      // A day can be pruned in several passes: add to what an earlier pass kept.
      const before = read.get(s.jobId, s.day) as SummaryRow | undefined;
      if (before) {
        s.runs += before.runs;
        addTo(s.byStatus, JSON.parse(before.by_status) as Record<string, number>);
        s.totalDurationMs += before.total_duration_ms;
        s.maxDurationMs = Math.max(s.maxDurationMs, before.max_duration_ms);
        addTo(s.counts, JSON.parse(before.counts) as Record<string, number>);
      }
      write.run(s.jobId, s.day, s.runs, JSON.stringify(s.byStatus), s.totalDurationMs, s.maxDurationMs, JSON.stringify(s.counts));
    }
    const runs = db.prepare("DELETE FROM runs WHERE created_at < ? AND status NOT IN ('queued', 'running')").run(cutoff).changes;
    const inputs = db.prepare('DELETE FROM run_inputs WHERE created_at < ? AND NOT EXISTS (SELECT 1 FROM runs WHERE runs.input_ref = run_inputs.ref)').run(cutoff).changes;
    return { runs, inputs, summaries: days.size };
  })();
}

export function dailySummaries(db: Db, sinceDay: string): Array<{ jobId: string; day: string } & DaySummary> {
  const rows = db.prepare('SELECT * FROM run_daily_summaries WHERE day >= ? ORDER BY day DESC, job_id').all(sinceDay) as Array<SummaryRow & { job_id: string; day: string }>;
  return rows.map((r) => ({
    jobId: r.job_id,
    day: r.day,
    runs: r.runs,
    byStatus: JSON.parse(r.by_status) as Record<string, number>,
    totalDurationMs: r.total_duration_ms,
    maxDurationMs: r.max_duration_ms,
    counts: JSON.parse(r.counts) as Record<string, number>,
  }));
}
