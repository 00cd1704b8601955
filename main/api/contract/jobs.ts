import { z } from 'zod';
import { method, NoInput } from './define.js';
import { LogLevelSchema } from './system.js';

export const RUN_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'timed-out', 'skipped', 'cancelled', 'interrupted'] as const;
export const RunStatusSchema = z.enum(RUN_STATUSES);
export type RunStatus = z.infer<typeof RunStatusSchema>;
/** Statuses a run never leaves. */
export const FINISHED_STATUSES: readonly RunStatus[] = ['succeeded', 'failed', 'timed-out', 'skipped', 'cancelled', 'interrupted'];

export const TRIGGER_KINDS = ['cron', 'interval', 'event', 'manual', 'catch-up', 'rerun'] as const;
export const TriggerKindSchema = z.enum(TRIGGER_KINDS);

/** Structure only; whether a cron expression or a time zone is valid is checked by the handler, naming the field. */
export const TriggerSpecSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('cron'), expression: z.string().min(1).max(200), timeZone: z.string().min(1).max(100).optional() }).strict(),
  z.object({ kind: z.literal('interval'), everyMs: z.number().int() }).strict(),
  z.object({ kind: z.literal('event'), name: z.string().min(1).max(100) }).strict(),
]);

const Instant = z.string().describe('ISO 8601 instant');
const InstantInput = z.iso.datetime({ offset: true });
const Params = z.record(z.string(), z.union([z.string(), z.number()]));
const JobId = z.string().min(1).max(100);
const RunId = z.number().int().positive();

export const JobTitleSchema = z.object({ 'zh-CN': z.string(), en: z.string() });
/** A trigger in words: a catalogue key under `jobs:trigger.` and its parameters. */
export const TriggerWordsSchema = z.object({ key: z.string(), params: Params });
export const ProgressSchema = z.object({ done: z.number(), total: z.number().optional(), step: z.string().optional() });
/** "3 条超时通知已发送，1 条表扬": a namespaced catalogue key (`monitors:summary.sla`; a bare key means `jobs:summary.<key>`) and its parameters. */
export const RunSummaryTextSchema = z.object({ key: z.string(), params: Params });
export const JobOptionsSchema = z.object({
  timeoutMs: z.number().int(),
  misfire: z.enum(['run-once', 'run-all', 'skip']),
  overlap: z.enum(['queue-one', 'skip']),
  maxCatchUp: z.number().int(),
});

export const JobSummarySchema = z.object({
  id: z.string(),
  title: JobTitleSchema,
  enabled: z.boolean(),
  paused: z.boolean(),
  /** False for jobs whose body is not built yet: they are listed and schedulable, and a run fails saying so. */
  available: z.boolean(),
  unavailableReason: z.string().nullable(),
  triggers: z.array(z.object({ spec: TriggerSpecSchema, words: TriggerWordsSchema, nextRunAt: Instant.nullable() })),
  nextRunAt: Instant.nullable(),
  lastRun: z
    .object({ id: RunId, status: RunStatusSchema, finishedAt: Instant.nullable(), durationMs: z.number().nullable(), summary: RunSummaryTextSchema.nullable() })
    .nullable(),
  running: z.object({ runId: RunId, progress: ProgressSchema.nullable() }).nullable(),
  queued: z.number().int(),
});

export const JobDetailSchema = JobSummarySchema.extend({
  defaultTriggers: z.array(TriggerSpecSchema),
  triggersCustomised: z.boolean(),
  options: JobOptionsSchema,
  settings: z.record(z.string(), z.unknown()),
  /** Why the stored settings no longer validate (the job's runs fail until they are fixed). */
  settingsProblem: z.string().nullable(),
  /** The settings as JSON Schema (input side, with defaults) for the settings form; null when it cannot be described. */
  settingsSchema: z.record(z.string(), z.unknown()).nullable(),
  pipelines: z.array(z.string()),
});

export const RunErrorSchema = z.object({ code: z.string(), message: z.string() });

export const RunSummarySchema = z.object({
  id: RunId,
  jobId: z.string(),
  jobTitle: JobTitleSchema.nullable(),
  triggerKind: TriggerKindSchema,
  eventName: z.string().nullable(),
  status: RunStatusSchema,
  scheduledAt: Instant,
  createdAt: Instant,
  startedAt: Instant.nullable(),
  finishedAt: Instant.nullable(),
  durationMs: z.number().nullable(),
  error: RunErrorSchema.nullable(),
  counts: z.record(z.string(), z.number()),
  summary: RunSummaryTextSchema.nullable(),
  progress: ProgressSchema.nullable(),
  records: z.number().nullable(),
  messages: z.number().nullable(),
  messagesNew: z.number().nullable(),
  warnings: z.number(),
  peakHeapBytes: z.number().nullable(),
  peakRssBytes: z.number().nullable(),
  inputRef: z.string().nullable(),
  rerunOf: RunId.nullable(),
  pipeline: z.string().nullable(),
  /** The shadow mode the run started in (null: a job without pipelines, or a run from before shadow mode). */
  mode: z.enum(['control', 'shadow', 'candidate']).nullable(),
});

export const RunLogLineSchema = z.object({
  seq: z.number().int(),
  at: Instant,
  level: LogLevelSchema,
  message: z.string(),
  context: z.record(z.string(), z.unknown()).optional(),
});

export const RunDetailSchema = RunSummarySchema.extend({
  errorContext: z.record(z.string(), z.unknown()).nullable(),
  input: z.object({ ref: z.string(), sizeBytes: z.number() }).nullable(),
  logs: z.array(RunLogLineSchema),
});

export const RunsFilterSchema = z
  .object({
    jobId: JobId.optional(),
    status: z.array(RunStatusSchema).max(RUN_STATUSES.length).optional(),
    triggerKind: z.array(TriggerKindSchema).max(TRIGGER_KINDS.length).optional(),
    /** Runs created at or after / before these instants. */
    from: InstantInput.optional(),
    to: InstantInput.optional(),
    /** Matches the job id or title, the run number, the error code or message. */
    text: z.string().max(200).optional(),
    page: z.number().int().min(1).default(1),
    pageSize: z.number().int().min(1).max(500).default(50),
  })
  .strict();

const ByJob = z.object({ jobId: JobId }).strict();
const ByRun = z.object({ runId: RunId }).strict();

export const jobsMethods = {
  'jobs.list': method({
    input: NoInput,
    output: z.object({ jobs: z.array(JobSummarySchema), pausedAll: z.boolean() }),
    summary: 'Every job with its triggers in words, next run, last run and progress.',
  }),
  'jobs.get': method({ input: ByJob, output: JobDetailSchema, summary: 'One job with its options, default triggers and settings.' }),
  'jobs.update': method({
    input: z
      .object({
        jobId: JobId,
        enabled: z.boolean().optional(),
        /** The job's triggers; null restores the catalogue's defaults; [] leaves it manual only. */
        triggers: z.array(TriggerSpecSchema).max(20).nullable().optional(),
        /** The job's settings, replaced as a whole and validated by the job's settings schema. */
        settings: z.record(z.string(), z.unknown()).optional(),
      })
      .strict(),
    output: JobDetailSchema,
    summary: 'Enable or disable a job, edit its triggers or settings (invalid cron or time zone refused, naming the field).',
  }),
  'jobs.runNow': method({
    input: z
      .object({
        jobId: JobId,
        input: z.unknown().optional(),
        /** The run's logical time (business dates are computed from it); default now. */
        scheduledAt: InstantInput.optional(),
        /** Every message of the run goes to DRY_RUN: recorded as sent, sent nowhere, never sent later. */
        dryRun: z.boolean().optional(),
      })
      .strict(),
    output: z.object({ runId: RunId }),
    summary: 'Run a job now; `input` (e.g. JSON rows) replaces fetching its input; `scheduledAt` sets its logical time; `dryRun` sends nothing.',
  }),
  'jobs.pause': method({ input: ByJob, output: JobSummarySchema, summary: 'Stop one job’s triggers (runs in flight finish).' }),
  'jobs.resume': method({ input: ByJob, output: JobSummarySchema, summary: 'Start one job’s triggers again from now.' }),
  'jobs.pauseAll': method({ input: NoInput, output: z.object({ pausedAll: z.boolean() }), summary: 'Stop every trigger (runs in flight finish).' }),
  'jobs.resumeAll': method({ input: NoInput, output: z.object({ pausedAll: z.boolean() }), summary: 'Start every trigger again from now.' }),
  'jobs.fireEvent': method({
    input: z.object({ name: z.string().min(1).max(100), payload: z.unknown().optional() }).strict(),
    output: z.object({ runs: z.array(z.object({ jobId: z.string(), runId: RunId, status: RunStatusSchema })) }),
    summary: 'Fire a named event: every active job with an event trigger of that name runs, the payload as its input; realtime message templates listening to it (or to its keywords) send their message.',
  }),
  'runs.list': method({
    input: RunsFilterSchema.default({ page: 1, pageSize: 50 }),
    output: z.object({
      runs: z.array(RunSummarySchema),
      total: z.number().int(),
      page: z.number().int(),
      pageSize: z.number().int(),
      /** Per status, for the other filters (so the counts on top stay meaningful while one status is picked). */
      counts: z.record(RunStatusSchema, z.number().int()),
    }),
    summary: 'Run history, newest first, filtered by job, status, trigger kind, date range and text.',
  }),
  'runs.get': method({ input: ByRun, output: RunDetailSchema, summary: 'One run with its log lines, error, counts and progress.' }),
  'runs.rerun': method({ input: ByRun, output: z.object({ runId: RunId }), summary: 'Run again with the same input snapshot and scheduled time.' }),
  'runs.cancel': method({ input: ByRun, output: z.object({ runId: RunId, status: RunStatusSchema }), summary: 'Cancel a queued or running run.' }),
};
