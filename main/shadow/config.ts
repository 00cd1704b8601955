import { z } from 'zod';
import { DiffRulesSchema } from './diff/rules.js';

export const SHADOW_MODES = ['control', 'shadow', 'candidate'] as const;
export const ShadowModeSchema = z.enum(SHADOW_MODES);
export type ShadowMode = z.infer<typeof ShadowModeSchema>;

export const PipelineIdSchema = z.string().regex(/^[\w.:@-]{1,80}$/, 'letters, digits and . : @ - _');

/** Seed 001's success criteria; a candidate is ready when every one holds. */
export const ThresholdsSchema = z.object({
  /** Candidate time ≤ control × this. */
  maxTimeRatio: z.number().positive().default(1.2),
  /** Candidate peak memory ≤ control × this. */
  maxMemoryRatio: z.number().positive().default(1.5),
  /** Candidate error rate strictly below this. */
  maxErrorRate: z.number().min(0).max(1).default(0.01),
  /** Data consistency at least this (1 = 100 %). */
  minConsistency: z.number().min(0).max(1).default(1),
  /** Notification success at least this. */
  minNotificationSuccess: z.number().min(0).max(1).default(0.95),
});
export type Thresholds = z.output<typeof ThresholdsSchema>;

/** Seed 001's rollback triggers (spec §6). */
export const TriggersSchema = z.object({
  /** Candidate error rate above this. */
  errorRate: z.number().min(0).max(1).default(0.01),
  /** Notification failure rate above this. */
  notificationFailure: z.number().min(0).max(1).default(0.05),
  /** Candidate time above control × this. */
  timeRatio: z.number().positive().default(1.5),
  /** Any real difference between control and candidate. */
  inconsistency: z.boolean().default(true),
});
export type Triggers = z.output<typeof TriggersSchema>;

/** How Herald runs v1 (or any program) as a pipeline: see external-command.ts. */
export const ExternalCommandSchema = z.object({
  command: z.string().min(1),
  args: z.array(z.string()).default([]),
  cwd: z.string().optional(),
  env: z.record(z.string(), z.string()).default({}),
  timeoutMs: z.number().int().min(100).max(6 * 3_600_000).default(10 * 60_000),
  /** The record field that identifies a record in the command's output. */
  keyField: z.string().min(1).default('合同ID(_id)'),
  batches: z.enum(['last', 'all']).default('last'),
});
export type ExternalCommand = z.output<typeof ExternalCommandSchema>;

export const ShadowConfigSchema = z.object({
  thresholds: ThresholdsSchema.prefault({}),
  triggers: TriggersSchema.prefault({}),
  /** KPIs are computed over the runs of the last `windowDays`. */
  windowDays: z.number().min(1).max(366).default(7),
  /** Ready to promote: at least `minRuns` consecutive passing runs … */
  minRuns: z.number().int().min(1).max(10_000).default(3),
  /** … whose first and last are at least this many days apart. */
  minSpanDays: z.number().min(0).max(366).default(3),
  /** A rollback trigger on a live candidate switches the job back to its control at once. */
  autoRollback: z.boolean().default(false),
  /** Run the control a second time (on a throw-away copy) to tell noise from differences. */
  noiseCalibration: z.boolean().default(false),
  /** In candidate mode, keep running the control on the side (sandboxed) and keep comparing. */
  verifyAfterPromotion: z.boolean().default(true),
  /** Runs where both sides take less than this are too short for a meaningful time ratio. */
  timeFloorMs: z.number().int().min(0).max(3_600_000).default(1000),
  /** The side that does not count is given up after this long. */
  sideTimeoutMs: z.number().int().min(100).max(6 * 3_600_000).default(10 * 60_000),
  diff: DiffRulesSchema.prefault({}),
  /** External pipelines of this job by pipeline id (e.g. `v1`). */
  externalCommands: z.record(PipelineIdSchema, ExternalCommandSchema).default({}),
});
export type ShadowConfig = z.output<typeof ShadowConfigSchema>;
export type ShadowConfigInput = z.input<typeof ShadowConfigSchema>;

export const defaultShadowConfig: ShadowConfig = ShadowConfigSchema.parse({});
