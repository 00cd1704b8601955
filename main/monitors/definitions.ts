import type { z } from 'zod';
import type { JobTitle, PipelineJob } from '../jobs/types.js';
import type { CardResult } from '../sources/types.js';
import { cardResultSchema, monitorPipelines, PIPELINE_IDS, type MonitorBody } from './pipeline.js';
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
 * The monitoring and integration jobs, ready for the job catalogue: title, settings with their
 * defaults, the pipeline body (fetch the card → pipelines `herald` / `v1-exact`), and what the
 * outbox must honour when delivering their messages (spec §5.5: pacing and success rule).
 */
export type SuccessRule =
  /** Any HTTP 2xx (v1 ignored WeCom's errcode for SLA and pending orders). */
  | 'http-2xx'
  /** 2xx and `errcode == 0` (missing counts as 0): housekeeper offline. */
  | 'errcode-zero'
  /** 2xx and (empty body, non-JSON body, or errcode absent / 0 / "0"): smartsheet. */
  | 'smartsheet';

export interface MonitorJobSpec {
  id: string;
  title: JobTitle;
  /** The card the job reads (default of its `cardId` setting). */
  cardId: number;
  settingsSchema: z.ZodType<Record<string, unknown>>;
  body: PipelineJob<CardResult>;
  /** The pipeline body with its bad-row policy chosen by the caller (replay, tests). */
  run: MonitorBody;
  delivery: { pacingMs: number; successRule: SuccessRule };
  /** v1 retired the technician check: listed, off until someone turns it on. */
  enabledByDefault: boolean;
  /** Run by hand only (no v1 schedule). */
  manual: boolean;
  /** Card columns in the fixtures' order; `positional` cards are read by index. */
  columns: readonly string[];
  positional: boolean;
  /** v1's outbox: messages posted per run at most (its dispatch batch), and its activity code. */
  v1: { batchLimit: number; activityCode: string };
}

function pipelineJob(schema: z.ZodType<{ cardId: number }>, run: MonitorBody, description: string): PipelineJob<CardResult> {
  return {
    kind: 'pipeline',
    inputSchema: cardResultSchema,
    fetchInput: (ctx) => ctx.metabase.queryCard(schema.parse(ctx.settings).cardId, { signal: ctx.signal }),
    pipelines: monitorPipelines(run, description),
    defaultPipeline: PIPELINE_IDS.herald,
  };
}

interface SpecInput extends Omit<MonitorJobSpec, 'body' | 'id' | 'enabledByDefault' | 'manual' | 'positional' | 'v1'> {
  description: string;
  enabledByDefault?: boolean;
  manual?: boolean;
  positional?: boolean;
  v1: { batchLimit?: number; activityCode: string };
}

function spec(id: string, input: SpecInput): MonitorJobSpec {
  const { description, ...rest } = input;
  return {
    ...rest,
    id,
    body: pipelineJob(input.settingsSchema as z.ZodType<{ cardId: number }>, input.run, description),
    enabledByDefault: input.enabledByDefault ?? true,
    manual: input.manual ?? false,
    positional: input.positional ?? false,
    v1: { batchLimit: input.v1.batchLimit ?? 200, activityCode: input.v1.activityCode },
  };
}

const SHEET_TITLES: Record<SmartsheetTableId, JobTitle> = {
  'project-settlement': { 'zh-CN': '智能表格同步：项目结算', en: 'Smartsheet sync: project settlement' },
  'contract-completion': { 'zh-CN': '智能表格同步：合同完工', en: 'Smartsheet sync: contract completion' },
  'payment-records': { 'zh-CN': '智能表格同步：支付记录', en: 'Smartsheet sync: payment records' },
  'crew-settlement-ledger': { 'zh-CN': '智能表格同步：工队结算财务台账', en: 'Smartsheet sync: crew settlement ledger' },
  'material-replenishment': { 'zh-CN': '智能表格同步：材料补货', en: 'Smartsheet sync: material replenishment' },
};

function smartsheetSpec(table: SmartsheetTableId): MonitorJobSpec {
  const t = SMARTSHEET_TABLES[table];
  return spec(SMARTSHEET_JOB_IDS[table], {
    title: SHEET_TITLES[table],
    description: `Adds each new row of card ${t.cardId} to the WeCom smartsheet (add-only, de-duplicated by row identity).`,
    cardId: t.cardId,
    settingsSchema: smartsheetSettingsSchema(table),
    run: smartsheetBody(table),
    delivery: { pacingMs: t.pacingMs, successRule: 'smartsheet' },
    columns: [],
    v1: { activityCode: t.activityCode },
  });
}

export const MONITOR_JOBS: Readonly<Record<string, MonitorJobSpec>> = Object.fromEntries(
  [
    spec(SLA_JOB_ID, {
      title: { 'zh-CN': 'SLA 超时日报与周报', en: 'SLA daily and weekly report' },
      description: "Stores yesterday's SLA violations, sends one message per violation, and on Mondays the weekly praise and reports.",
      cardId: 1514,
      settingsSchema: slaSettingsSchema,
      run: runSlaDailyReport,
      delivery: { pacingMs: 200, successRule: 'http-2xx' },
      columns: SLA_COLUMNS,
      v1: { activityCode: 'SLA-DAILY-SERVICE-REPORT' },
    }),
    spec(PENDING_JOB_ID, {
      title: { 'zh-CN': '待预约工单提醒', en: 'Pending orders reminder' },
      description: 'Sends each provider a digest of its orders still waiting for an appointment.',
      cardId: 1712,
      settingsSchema: pendingOrdersSettingsSchema,
      run: runPendingOrdersReminder,
      delivery: { pacingMs: 200, successRule: 'http-2xx' },
      columns: PENDING_COLUMNS,
      positional: true,
      v1: { activityCode: 'PENDING-ORDERS-REMINDER' },
    }),
    spec(OFFLINE_JOB_ID, {
      title: { 'zh-CN': '管家上下线播报', en: 'Housekeeper offline broadcast' },
      description: 'Broadcasts each housekeeper online/offline event of the lookback window once.',
      cardId: 2085,
      settingsSchema: housekeeperOfflineSettingsSchema,
      run: runHousekeeperOfflineBroadcast,
      delivery: { pacingMs: 200, successRule: 'errcode-zero' },
      columns: OFFLINE_COLUMNS,
      v1: { activityCode: 'HOUSEKEEPER-OFFLINE-BROADCAST' },
    }),
    ...(Object.keys(SMARTSHEET_TABLES) as SmartsheetTableId[]).map(smartsheetSpec),
    spec(TECHNICIAN_JOB_ID, {
      title: { 'zh-CN': '管家状态变更通知', en: 'Technician status changes' },
      description: 'Tells the company (WeChat) and the default webhook about each new technician status change.',
      cardId: 719,
      settingsSchema: technicianStatusSettingsSchema,
      run: runTechnicianStatus,
      delivery: { pacingMs: 1000, successRule: 'http-2xx' },
      columns: TECHNICIAN_COLUMNS,
      positional: true,
      enabledByDefault: false,
      v1: { batchLimit: Number.POSITIVE_INFINITY, activityCode: 'TECHNICIAN-STATUS' },
    }),
    spec(CONTACT_TIMEOUT_JOB_ID, {
      title: { 'zh-CN': '联系超时汇总报告', en: 'Contact-timeout report' },
      description: "Posts last week's contact timeouts as a WeCom template card.",
      cardId: 980,
      settingsSchema: contactTimeoutSettingsSchema,
      run: runContactTimeoutReport,
      delivery: { pacingMs: 0, successRule: 'http-2xx' },
      columns: CONTACT_TIMEOUT_COLUMNS,
      positional: true,
      manual: true,
      v1: { batchLimit: Number.POSITIVE_INFINITY, activityCode: 'CONTACT-TIMEOUT' },
    }),
  ].map((job) => [job.id, job]),
);

export const MONITOR_JOB_IDS = Object.keys(MONITOR_JOBS);
