import type { z } from 'zod';
import type { JobImplementation } from '../jobs/define.js';
import type { PipelineJob, StateScope } from '../jobs/types.js';
import type { CardResult } from '../sources/types.js';
import type { DeliveryPolicy } from '../outbox/types.js';
import { DEFAULT_SOURCE_CARDS } from '../sources/cards.js';
import {
  cardResultSchema, monitorPipelines, monitorRunner, PIPELINE_IDS, type MonitorBody, type MonitorPipelineSpec, type MonitorRunner,
} from './pipeline.js';
import {
  contactTimeoutSettingsSchema, housekeeperOfflineSettingsSchema, pendingOrdersSettingsSchema, slaSettingsSchema, smartsheetSettingsSchema, technicianStatusSettingsSchema,
} from './settings.js';
import { CONTACT_TIMEOUT_JOB_ID, runContactTimeoutReport } from './jobs/contact-timeout-report.js';
import { OFFLINE_JOB_ID, runHousekeeperOfflineBroadcast } from './jobs/housekeeper-offline-broadcast.js';
import { PENDING_JOB_ID, runPendingOrdersReminder } from './jobs/pending-orders-reminder.js';
import { SLA_JOB_ID, runSlaDailyReport } from './jobs/sla-daily-report.js';
import { SMARTSHEET_JOB_IDS, smartsheetBody } from './jobs/smartsheet-sync.js';
import { TECHNICIAN_JOB_ID, runTechnicianStatus } from './jobs/technician-status.js';
import { CONTACT_TIMEOUT_COLUMNS } from './transforms/contact-timeout.js';
import { OFFLINE_COLUMNS } from './transforms/housekeeper-offline.js';
import { PENDING_COLUMNS } from './transforms/pending-orders.js';
import { SLA_COLUMNS } from './transforms/sla.js';
import { SMARTSHEET_TABLES, type SmartsheetTableId } from './transforms/smartsheet-tables.js';
import { TECHNICIAN_COLUMNS } from './transforms/technician-status.js';

/**
 * The monitoring and integration jobs, ready for the job catalogue (`monitorJob(id)`): settings with their
 * defaults, the pipeline body (fetch the job's card → pipelines `herald` / `v1-exact`), and what the
 * outbox must honour when delivering their messages (spec §5.5: pacing and success rule).
 */
export interface MonitorJobSpec {
  id: string;
  /** v1's card (the default of the job's entry in Settings → Data sources, `DEFAULT_SOURCE_CARDS`). */
  cardId: number;
  settingsSchema: z.ZodType<Record<string, unknown>>;
  body: PipelineJob<CardResult> & { pipelines: Record<string, MonitorPipelineSpec> };
  /** The pipeline body with its bad-row policy chosen by the caller (replay, tests). */
  run: MonitorRunner;
  /** v1's pacing (spec §5.5) and the success rule, carried by every message of the job (errcode read by default). */
  delivery: DeliveryPolicy;
  /** Card columns in the fixtures' order; `positional` cards are read by index. */
  columns: readonly string[];
  positional: boolean;
  /** v1's outbox: messages posted per run at most (its dispatch batch), and its activity code. */
  v1: { batchLimit: number; activityCode: string };
}

interface SpecInput extends Omit<MonitorJobSpec, 'body' | 'id' | 'cardId' | 'run' | 'positional' | 'v1'> {
  description: string;
  body: MonitorBody;
  /** Tables only this job writes (its whole state besides its rows of `monitor_notified`). */
  ownTables?: readonly string[];
  /** The delivery terms of a run's messages when a setting changes them (smartsheet pacing). */
  deliveryOf?: (settings: Record<string, unknown>) => DeliveryPolicy;
  positional?: boolean;
  v1: { batchLimit?: number; activityCode: string };
}

/** The card v1 read for a job: one list of defaults for Data sources and the monitors alike. */
function defaultCard(jobId: string): number {
  const entry = DEFAULT_SOURCE_CARDS.find((c) => c.key === jobId);
  if (!entry) throw new Error(`No default card for monitoring job ${jobId}`);
  return entry.cardId;
}

/** The state a job keeps between runs: its own emitted keys, plus the tables only it uses. */
function stateScopeOf(jobId: string, ownTables: readonly string[]): StateScope[] {
  return [...ownTables.map((table) => ({ table })), { table: 'monitor_notified', where: 'job_id = ?', params: [jobId] }];
}

function spec(id: string, input: SpecInput): MonitorJobSpec {
  const { description, body, deliveryOf, ownTables, ...rest } = input;
  const cardId = defaultCard(id);
  const run = monitorRunner(body, cardId, deliveryOf ?? (() => input.delivery));
  return {
    ...rest,
    id,
    cardId,
    run,
    body: {
      kind: 'pipeline',
      inputSchema: cardResultSchema,
      // Settings → Data sources names the card (default: v1's); the answer records which it was.
      fetchInput: (ctx) => ctx.metabase.queryCard(ctx.metabase.cardId(ctx.jobId), { signal: ctx.signal }),
      pipelines: monitorPipelines(run, description, stateScopeOf(id, ownTables ?? [])),
      defaultPipeline: PIPELINE_IDS.herald,
    },
    positional: input.positional ?? false,
    v1: { batchLimit: input.v1.batchLimit ?? 200, activityCode: input.v1.activityCode },
  };
}

function smartsheetSpec(table: SmartsheetTableId): MonitorJobSpec {
  const t = SMARTSHEET_TABLES[table];
  const settings = smartsheetSettingsSchema(table);
  return spec(SMARTSHEET_JOB_IDS[table], {
    description: `Adds each new row of its card to the ${table} WeCom smartsheet (add-only, de-duplicated by row identity).`,
    settingsSchema: settings,
    body: smartsheetBody(table),
    delivery: { pacingMs: t.pacingMs, success: 'smartsheet' },
    // The office may slow a table down (its pacing setting).
    deliveryOf: (s) => ({ pacingMs: settings.parse(s).pacingMs, success: 'smartsheet' }),
    columns: [],
    v1: { activityCode: t.activityCode },
  });
}

export const MONITOR_JOBS: Readonly<Record<string, MonitorJobSpec>> = Object.fromEntries(
  [
    spec(SLA_JOB_ID, {
      description: "Stores yesterday's SLA violations, sends one message per violation, and on Mondays the weekly praise and reports.",
      settingsSchema: slaSettingsSchema,
      body: runSlaDailyReport,
      ownTables: ['monitor_sla_violations'],
      delivery: { pacingMs: 200 },
      columns: SLA_COLUMNS,
      v1: { activityCode: 'SLA-DAILY-SERVICE-REPORT' },
    }),
    spec(PENDING_JOB_ID, {
      description: 'Sends each provider a digest of its orders still waiting for an appointment.',
      settingsSchema: pendingOrdersSettingsSchema,
      body: runPendingOrdersReminder,
      ownTables: ['monitor_pending_orders'],
      delivery: { pacingMs: 200 },
      columns: PENDING_COLUMNS,
      positional: true,
      v1: { activityCode: 'PENDING-ORDERS-REMINDER' },
    }),
    spec(OFFLINE_JOB_ID, {
      description: 'Broadcasts each housekeeper online/offline event of the lookback window once.',
      settingsSchema: housekeeperOfflineSettingsSchema,
      body: runHousekeeperOfflineBroadcast,
      delivery: { pacingMs: 200, success: 'wecom-errcode' },
      columns: OFFLINE_COLUMNS,
      v1: { activityCode: 'HOUSEKEEPER-OFFLINE-BROADCAST' },
    }),
    ...(Object.keys(SMARTSHEET_TABLES) as SmartsheetTableId[]).map(smartsheetSpec),
    spec(TECHNICIAN_JOB_ID, {
      description: 'Tells the company (WeChat) and the default webhook about each new technician status change.',
      settingsSchema: technicianStatusSettingsSchema,
      body: runTechnicianStatus,
      delivery: { pacingMs: 1000 },
      columns: TECHNICIAN_COLUMNS,
      positional: true,
      v1: { batchLimit: Number.POSITIVE_INFINITY, activityCode: 'TECHNICIAN-STATUS' },
    }),
    spec(CONTACT_TIMEOUT_JOB_ID, {
      description: "Posts last week's contact timeouts as a WeCom template card.",
      settingsSchema: contactTimeoutSettingsSchema,
      body: runContactTimeoutReport,
      delivery: { pacingMs: 0 },
      columns: CONTACT_TIMEOUT_COLUMNS,
      positional: true,
      v1: { batchLimit: Number.POSITIVE_INFINITY, activityCode: 'CONTACT-TIMEOUT' },
    }),
  ].map((job) => [job.id, job]),
);

export const MONITOR_JOB_IDS = Object.keys(MONITOR_JOBS);

/** A monitoring job's line in the job catalogue: its pipeline body and settings. */
export function monitorJob(jobId: string): JobImplementation {
  const job = MONITOR_JOBS[jobId];
  if (!job) throw new Error(`No monitoring job ${jobId}`);
  return { body: job.body, settingsSchema: job.settingsSchema };
}
