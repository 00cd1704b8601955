import { z } from 'zod';
import { method } from './define.js';
import { ExternalCommandSchema, PipelineIdSchema, ShadowConfigSchema, ShadowModeSchema, ThresholdsSchema, TriggersSchema } from '../../shadow/config.js';
import { DiffRulesSchema } from '../../shadow/diff/rules.js';
import { patchSchema } from '../../shared/patch-schema.js';

const JobId = z.string().min(1).max(120);

const CriterionSchema = z.object({ value: z.number().nullable(), threshold: z.number(), ok: z.boolean() });
const TriggerSchema = z.object({ kind: z.enum(['error-rate', 'notification-failure', 'slow', 'inconsistency']), value: z.number(), threshold: z.number() });

export const KpiSummarySchema = z.object({
  window: z.object({ from: z.number(), to: z.number(), runs: z.number().int() }),
  timeRatio: CriterionSchema,
  memoryRatio: CriterionSchema,
  errorRate: CriterionSchema,
  consistency: CriterionSchema,
  notificationSuccess: CriterionSchema,
  streak: z.object({ runs: z.number().int(), since: z.number().nullable(), spanMs: z.number() }),
  ready: z.boolean(),
  blockers: z.array(z.string()),
  trend: z.array(
    z.object({ runId: z.number().int(), at: z.number(), timeRatio: z.number().nullable(), memoryRatio: z.number().nullable(), consistency: z.number().nullable(), candidateFailed: z.boolean() }),
  ),
});

export const ShadowJobSchema = z.object({
  jobId: z.string(),
  title: z.object({ 'zh-CN': z.string(), en: z.string() }).nullable(),
  mode: ShadowModeSchema,
  controlPipeline: z.string(),
  candidatePipeline: z.string().nullable(),
  /** Every pipeline the job can run: its own and its external commands. */
  pipelines: z.array(z.string()),
  plannedOrder: z.number().int().nullable(),
  autoRollback: z.boolean(),
  kpi: KpiSummarySchema,
  minRuns: z.number().int(),
  minSpanDays: z.number(),
  lastRunAt: z.string().nullable(),
});

const SideSummarySchema = z.object({
  pipelineId: z.string(),
  store: z.enum(['live', 'sandbox', 'external']),
  durationMs: z.number(),
  peakMemoryBytes: z.number().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  timedOut: z.boolean(),
  records: z.number().int(),
  messages: z.number().int(),
});

const CountsSchema = z.object({
  equal: z.number().int(),
  different: z.number().int(),
  onlyInControl: z.number().int(),
  onlyInCandidate: z.number().int(),
  noiseOnly: z.number().int(),
  total: z.number().int(),
});

export const ShadowRunSchema = z.object({
  id: z.number().int(),
  jobId: z.string(),
  runId: z.number().int().nullable(),
  mode: z.enum(['shadow', 'candidate']),
  liveSide: z.enum(['control', 'candidate']),
  controlPipeline: z.string(),
  candidatePipeline: z.string(),
  scheduledAt: z.string(),
  startedAt: z.string(),
  finishedAt: z.string(),
  cores: z.number().int(),
  control: SideSummarySchema.nullable(),
  candidate: SideSummarySchema.nullable(),
  counts: z.object({ records: CountsSchema, messages: CountsSchema }).nullable(),
  consistency: z.number().nullable(),
  consistent: z.boolean().nullable(),
  noiseCalibrated: z.boolean(),
  triggers: z.array(TriggerSchema),
  rolledBack: z.boolean(),
});

const FieldDifferenceSchema = z.object({ field: z.string(), control: z.unknown(), candidate: z.unknown() });
const StatusSchema = z.enum(['different', 'noise', 'onlyInControl', 'onlyInCandidate']);
const MessageSideSchema = z.object({ recipient: z.string().optional(), text: z.string() }).nullable();

export const ShadowDiffSchema = z.object({
  records: CountsSchema,
  messages: CountsSchema.extend({ pairing: z.enum(['identity', 'position']) }),
  schema: z.object({ onlyInControl: z.array(z.string()), onlyInCandidate: z.array(z.string()) }),
  recordDifferences: z.array(
    z.object({
      key: z.string(),
      status: StatusSchema,
      control: z.record(z.string(), z.unknown()).nullable(),
      candidate: z.record(z.string(), z.unknown()).nullable(),
      differences: z.array(FieldDifferenceSchema),
      noise: z.array(FieldDifferenceSchema),
    }),
  ),
  messageDifferences: z.array(
    z.object({
      index: z.number().int(),
      pairKey: z.string(),
      status: StatusSchema,
      control: MessageSideSchema,
      candidate: MessageSideSchema,
      recipientDiffers: z.boolean(),
      lines: z.array(z.object({ op: z.enum(['equal', 'delete', 'insert']), text: z.string() })),
    }),
  ),
  fieldCounts: z.record(z.string(), z.number()),
  noise: z.object({ fields: z.array(z.string()), recordKeys: z.array(z.string()), messageKeys: z.array(z.string()) }).nullable(),
  consistency: z.number(),
  consistent: z.boolean(),
  truncated: z.boolean(),
});

export const ModeChangeSchema = z.object({
  id: z.number().int(),
  jobId: z.string(),
  at: z.string(),
  fromMode: ShadowModeSchema.nullable(),
  toMode: ShadowModeSchema,
  fromControl: z.string().nullable(),
  toControl: z.string(),
  fromCandidate: z.string().nullable(),
  toCandidate: z.string().nullable(),
  reason: z.string(),
  actor: z.enum(['ui', 'tray', 'api', 'cli', 'automatic']),
  triggers: z.array(TriggerSchema).nullable(),
});

/** Settings edits: any part of the job's shadow settings; nested objects merge, keys left out keep their values. */
export const ShadowConfigPatchSchema = z
  .object({
    thresholds: patchSchema(ThresholdsSchema),
    triggers: patchSchema(TriggersSchema),
    windowDays: z.number().min(1).max(366),
    minRuns: z.number().int().min(1).max(10_000),
    minSpanDays: z.number().min(0).max(366),
    autoRollback: z.boolean(),
    noiseCalibration: z.boolean(),
    verifyAfterPromotion: z.boolean(),
    timeFloorMs: z.number().int().min(0).max(3_600_000),
    sideTimeoutMs: z.number().int().min(100).max(6 * 3_600_000),
    /** `fields: null`: every field counts again. */
    diff: patchSchema(DiffRulesSchema).extend({ fields: DiffRulesSchema.shape.fields.unwrap().nullable().optional() }),
    /** Replaces the job's external commands (null removes one). */
    externalCommands: z.record(PipelineIdSchema, ExternalCommandSchema.nullable()),
  })
  .partial()
  .strict();

const SettingsOutput = z.object({ jobId: z.string(), plannedOrder: z.number().int().nullable(), config: ShadowConfigSchema });

export const shadowMethods = {
  'shadow.jobs': method({
    input: z.object({}).strict().default({}),
    output: z.object({ jobs: z.array(ShadowJobSchema), cores: z.number().int() }),
    summary: 'Every job with its mode, pipelines, KPIs against thresholds, readiness and planned migration order.',
  }),
  'shadow.setMode': method({
    input: z
      .object({
        jobId: JobId,
        mode: ShadowModeSchema,
        controlPipeline: PipelineIdSchema.optional(),
        candidatePipeline: PipelineIdSchema.nullable().optional(),
        reason: z.string().trim().min(1, 'a reason is required').max(500),
        via: z.enum(['ui', 'tray', 'api', 'cli']).default('api'),
      })
      .strict(),
    output: z.object({ jobId: z.string(), mode: ShadowModeSchema, controlPipeline: z.string(), candidatePipeline: z.string().nullable() }),
    summary: 'Switch a job to control, shadow or candidate (from its next run); recorded in the migration history.',
  }),
  'shadow.history': method({
    input: z.object({ jobId: JobId.optional(), limit: z.number().int().min(1).max(1000).default(200) }).strict().default({ limit: 200 }),
    output: z.object({ changes: z.array(ModeChangeSchema) }),
    summary: 'The migration history: every mode switch with when, from, to, why and by whom.',
  }),
  'shadow.runs': method({
    input: z.object({ jobId: JobId, limit: z.number().int().min(1).max(500).default(50), offset: z.number().int().min(0).default(0) }).strict(),
    output: z.object({ runs: z.array(ShadowRunSchema), total: z.number().int() }),
    summary: "A job's shadow runs, newest first.",
  }),
  'shadow.diff': method({
    input: z.object({ shadowRunId: z.number().int().positive() }).strict(),
    output: z.object({ run: ShadowRunSchema, diff: ShadowDiffSchema.nullable() }),
    summary: 'One shadow run with its differences: records field by field, messages line by line.',
  }),
  'shadow.settings': method({
    input: z.object({ jobId: JobId }).strict(),
    output: SettingsOutput,
    summary: "A job's shadow settings: thresholds, window, readiness, rollback, noise calibration, diff rules, external commands.",
  }),
  'shadow.saveSettings': method({
    input: z.object({ jobId: JobId, plannedOrder: z.number().int().min(0).max(10_000).nullable().optional(), config: ShadowConfigPatchSchema.default({}) }).strict(),
    output: SettingsOutput,
    summary: "Change a job's shadow settings (from its next run).",
  }),
  'shadow.resetSandbox': method({
    input: z.object({ jobId: JobId, pipelineId: PipelineIdSchema, from: z.enum(['empty', 'live']).default('empty') }).strict(),
    output: z.object({ file: z.string() }),
    summary: "Start a pipeline's sandbox again, empty or as a copy of the live store.",
  }),
};
