import type { z } from 'zod';
import type { Db } from '../db/open.js';
import { RUN_STATUSES, type RunsFilterSchema, type RunStatus } from '../api/contract/jobs.js';
import type { JobDefinition } from './types.js';
import type { RunLogLine, RunRow } from './run-store.js';

export type RunFilter = z.output<typeof RunsFilterSchema>;

export interface RunPage {
  rows: RunRow[];
  total: number;
  counts: Record<RunStatus, number>;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** SQL conditions for every filter but status (the status counts are computed over these). */
function conditions(filter: RunFilter, jobs: readonly JobDefinition[]): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.jobId) {
    where.push('job_id = ?');
    params.push(filter.jobId);
  }
  if (filter.triggerKind?.length) {
    where.push(`trigger_kind IN (${filter.triggerKind.map(() => '?').join(', ')})`);
    params.push(...filter.triggerKind);
  }
  if (filter.from) {
    where.push('created_at >= ?');
    params.push(Date.parse(filter.from));
  }
  if (filter.to) {
    where.push('created_at < ?');
    params.push(Date.parse(filter.to));
  }
  const text = filter.text?.trim();
  if (text) {
    const needle = text.toLowerCase();
    // Titles live in code, not in the table: match them here and filter by the job ids they name.
    const byTitle = jobs.filter((j) => j.id.includes(needle) || j.title['zh-CN'].toLowerCase().includes(needle) || j.title.en.toLowerCase().includes(needle)).map((j) => j.id);
    const like = `%${escapeLike(text)}%`;
    const alternatives = ["job_id LIKE ? ESCAPE '\\'", "error_code LIKE ? ESCAPE '\\'", "error_message LIKE ? ESCAPE '\\'", "event_name LIKE ? ESCAPE '\\'"];
    params.push(like, like, like, like);
    if (/^#?\d+$/.test(text)) {
      alternatives.push('id = ?');
      params.push(Number(text.replace('#', '')));
    }
    if (byTitle.length) {
      alternatives.push(`job_id IN (${byTitle.map(() => '?').join(', ')})`);
      params.push(...byTitle);
    }
    where.push(`(${alternatives.join(' OR ')})`);
  }
  return { where, params };
}

/** One page of run history, newest first, with per-status counts for the other filters. */
export function listRuns(db: Db, filter: RunFilter, jobs: readonly JobDefinition[]): RunPage {
  const base = conditions(filter, jobs);
  const sql = (extra: string[]) => {
    const all = [...base.where, ...extra];
    return all.length ? `WHERE ${all.join(' AND ')}` : '';
  };
  const countRows = db.prepare(`SELECT status, COUNT(*) AS n FROM runs ${sql([])} GROUP BY status`).all(...base.params) as Array<{ status: RunStatus; n: number }>;
  const counts = Object.fromEntries(RUN_STATUSES.map((s) => [s, 0])) as Record<RunStatus, number>;
  for (const r of countRows) counts[r.status] = r.n;
  const statuses = filter.status?.length ? filter.status : undefined;
  const statusCondition = statuses ? [`status IN (${statuses.map(() => '?').join(', ')})`] : [];
  const params = [...base.params, ...(statuses ?? [])];
  const total = statuses ? statuses.reduce((n, s) => n + counts[s], 0) : Object.values(counts).reduce((a, b) => a + b, 0);
  const rows = db
    .prepare(`SELECT * FROM runs ${sql(statusCondition)} ORDER BY id DESC LIMIT ? OFFSET ?`)
    .all(...params, filter.pageSize, (filter.page - 1) * filter.pageSize) as RunRow[];
  return { rows, total, counts };
}

export function runLogs(db: Db, runId: number): Array<RunLogLine & { seq: number }> {
  const rows = db.prepare('SELECT seq, at, level, message, context FROM run_logs WHERE run_id = ? ORDER BY seq').all(runId) as Array<{
    seq: number;
    at: number;
    level: RunLogLine['level'];
    message: string;
    context: string | null;
  }>;
  return rows.map((r) => ({ seq: r.seq, at: r.at, level: r.level, message: r.message, ...(r.context ? { context: JSON.parse(r.context) as Record<string, unknown> } : {}) }));
}

/** The newest runs, for diagnostics. */
export function recentRuns(db: Db, limit: number): RunRow[] {
  return db.prepare('SELECT * FROM runs ORDER BY id DESC LIMIT ?').all(limit) as RunRow[];
}
