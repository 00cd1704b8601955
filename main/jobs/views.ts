import type { z } from 'zod';
import type { JobDetailSchema, JobSummarySchema, RunDetailSchema, RunSummarySchema } from '../api/contract/jobs.js';
import type { JobDefinition } from './types.js';
import type { JobConfig } from './job-config.js';
import type { RunLogLine, RunProgress, RunRow } from './run-store.js';
import { describeTrigger } from '../triggers/describe.js';
import { settingsJsonSchema } from './settings-json-schema.js';

export type JobSummary = z.input<typeof JobSummarySchema>;
export type JobDetail = z.input<typeof JobDetailSchema>;
export type RunSummary = z.input<typeof RunSummarySchema>;
export type RunDetail = z.input<typeof RunDetailSchema>;

const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : iso(ms));
const json = <T>(text: string | null): T | null => (text ? (JSON.parse(text) as T) : null);

export interface JobState {
  job: JobDefinition;
  config: JobConfig;
  /** Per trigger position (null: event trigger or not active). */
  nextRuns: Array<number | null>;
  lastRun: RunRow | undefined;
  running: { runId: number; progress: RunProgress | null } | undefined;
  queued: number;
}

export function toJobSummary(s: JobState): JobSummary {
  const { job, config } = s;
  const next = s.nextRuns.filter((n): n is number => n !== null);
  return {
    id: job.id,
    title: job.title,
    enabled: config.enabled,
    paused: config.paused,
    available: job.body.kind === 'pipeline',
    unavailableReason: job.body.kind === 'unavailable' ? job.body.reason : null,
    triggers: config.triggers.map((spec, i) => ({ spec, words: describeTrigger(spec), nextRunAt: isoOrNull(s.nextRuns[i]) })),
    nextRunAt: next.length ? iso(Math.min(...next)) : null,
    lastRun: s.lastRun
      ? {
          id: s.lastRun.id,
          status: s.lastRun.status,
          finishedAt: isoOrNull(s.lastRun.finished_at),
          durationMs: s.lastRun.duration_ms,
          summary: json(s.lastRun.summary),
        }
      : null,
    running: s.running ?? null,
    queued: s.queued,
  };
}

export function toJobDetail(s: JobState): JobDetail {
  const body = s.job.body;
  return {
    ...toJobSummary(s),
    defaultTriggers: s.job.triggers,
    triggersCustomised: s.config.triggersCustomised,
    options: s.job.options,
    settings: s.config.settings,
    settingsProblem: s.config.settingsProblem,
    settingsSchema: settingsJsonSchema(s.job.settingsSchema),
    pipelines: body.kind === 'pipeline' ? Object.keys(body.pipelines) : [],
  };
}

export function toRunSummary(row: RunRow, job: JobDefinition | undefined, liveProgress: RunProgress | undefined): RunSummary {
  return {
    id: row.id,
    jobId: row.job_id,
    jobTitle: job?.title ?? null,
    triggerKind: row.trigger_kind,
    eventName: row.event_name,
    status: row.status,
    scheduledAt: iso(row.scheduled_at),
    createdAt: iso(row.created_at),
    startedAt: isoOrNull(row.started_at),
    finishedAt: isoOrNull(row.finished_at),
    durationMs: row.duration_ms,
    // The stack stays in the database and the log; clients get the sentence.
    error: row.error_code ? { code: row.error_code, message: row.error_message ?? '' } : null,
    counts: json<Record<string, number>>(row.counts) ?? {},
    summary: json(row.summary),
    progress: liveProgress ?? json<RunProgress>(row.progress),
    records: row.records,
    messages: row.messages,
    messagesNew: row.messages_new,
    warnings: row.warnings,
    peakHeapBytes: row.peak_heap_bytes,
    peakRssBytes: row.peak_rss_bytes,
    inputRef: row.input_ref,
    rerunOf: row.rerun_of,
    pipeline: row.pipeline,
    mode: row.mode,
  };
}

export function toRunDetail(summary: RunSummary, row: RunRow, inputSize: number | undefined, logs: Array<RunLogLine & { seq: number }>): RunDetail {
  return {
    ...summary,
    errorContext: json(row.error_context),
    input: row.input_ref && inputSize !== undefined ? { ref: row.input_ref, sizeBytes: inputSize } : null,
    logs: logs.map((l) => ({ seq: l.seq, at: iso(l.at), level: l.level, message: l.message, ...(l.context ? { context: l.context } : {}) })),
  };
}
