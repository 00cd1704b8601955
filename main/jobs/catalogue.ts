import { z } from 'zod';
import type { JobDefinition } from './types.js';
import { siblingModule, type CatalogueRef } from './config.js';
import { DAILY, EVERY_3_MINUTES, FREQUENT, HEARTBEAT, campaignJob, dailyAt, defineJob, notBuilt, type JobImplementation } from './define.js';
import { campaignPipelineJob } from '../campaigns/job.js';
import { quirkFixesSchema } from '../campaigns/pipelines/fixes.js';

const CAMPAIGNS = 'The campaign engine (issue 6) is not built into this Herald yet.';
const MONITORS = 'This monitoring job (issue 8) is not built into this Herald yet.';

/** What a campaign job's pipelines read from its settings: another card, quirk fixes, the month of a monthly code. */
const campaignSettings = z.object({
  cardId: z.number().int().positive().optional(),
  fixes: quirkFixesSchema.optional(),
  month: z.string().regex(/^\d{4}-\d{2}$/, 'YYYY-MM').optional(),
});

/** A campaign job run by the engine (its pipelines: September has both `v1-ledger` and `v1-db`). */
const engine = (variant: string): JobImplementation => ({ body: campaignPipelineJob(variant), settingsSchema: campaignSettings });

/**
 * Every job Herald knows: v1's jobs (spec §1.4) with v1's most recent schedule (§1.2–1.3). All start
 * disabled until the office enables them. A capability that builds a job replaces its `notBuilt(…)`
 * on that job's line with its implementation (`{ body, settingsSchema }`).
 */
export const catalogue: JobDefinition[] = [
  defineJob('bj-sign-broadcast', { 'zh-CN': '北京签约喜报播报', en: 'Beijing sign broadcast' }, [HEARTBEAT], FREQUENT, notBuilt(CAMPAIGNS)),
  defineJob('bj-performance-broadcast', { 'zh-CN': '北京业绩播报', en: 'Beijing performance broadcast' }, [HEARTBEAT], FREQUENT, notBuilt(CAMPAIGNS)),
  defineJob('housekeeper-offline-broadcast', { 'zh-CN': '管家离线播报', en: 'Housekeeper offline broadcast' }, [HEARTBEAT], FREQUENT, notBuilt(MONITORS)),
  defineJob('smartsheet-project-settlement', { 'zh-CN': '智能表格同步：项目结算', en: 'Smartsheet sync: project settlement' }, [HEARTBEAT], FREQUENT, notBuilt(MONITORS)),
  defineJob('smartsheet-contract-completion', { 'zh-CN': '智能表格同步：合同完工', en: 'Smartsheet sync: contract completion' }, [HEARTBEAT], FREQUENT, notBuilt(MONITORS)),
  defineJob('smartsheet-payment-records', { 'zh-CN': '智能表格同步：支付记录', en: 'Smartsheet sync: payment records' }, [HEARTBEAT], FREQUENT, notBuilt(MONITORS)),
  defineJob('smartsheet-crew-settlement-ledger', { 'zh-CN': '智能表格同步：工队结算财务台账', en: 'Smartsheet sync: crew settlement finance ledger' }, [HEARTBEAT], FREQUENT, notBuilt(MONITORS)),
  defineJob('smartsheet-material-replenishment', { 'zh-CN': '智能表格同步：材料补货', en: 'Smartsheet sync: material replenishment' }, [HEARTBEAT], FREQUENT, notBuilt(MONITORS)),
  defineJob('pending-orders-reminder', { 'zh-CN': '待预约工单提醒', en: 'Pending orders reminder' }, [dailyAt(8, 30)], DAILY, notBuilt(MONITORS)),
  defineJob('sla-daily-report', { 'zh-CN': '服务超时日报（SLA）', en: 'Daily service (SLA) report' }, [dailyAt(9, 0)], DAILY, notBuilt(MONITORS)),
  defineJob('technician-status', { 'zh-CN': '管家状态变更通知（2025年8月停用）', en: 'Technician status changes (retired Aug 2025)' }, [EVERY_3_MINUTES], FREQUENT, notBuilt(MONITORS)),
  defineJob('contact-timeout-report', { 'zh-CN': '联系超时汇总报告', en: 'Contact-timeout report' }, [], DAILY, notBuilt(MONITORS)),
  campaignJob('BJ-2025-04', notBuilt(CAMPAIGNS)),
  campaignJob('BJ-2025-05', notBuilt(CAMPAIGNS)),
  campaignJob('BJ-2025-06', notBuilt(CAMPAIGNS)),
  campaignJob('BJ-2025-07', notBuilt(CAMPAIGNS)),
  campaignJob('BJ-2025-08', notBuilt(CAMPAIGNS)),
  campaignJob('BJ-2025-09', engine('BJ-2025-09')),
  campaignJob('BJ-2025-10', notBuilt(CAMPAIGNS)),
  campaignJob('BJ-2025-11', notBuilt(CAMPAIGNS)),
  campaignJob('BJ-2025-12', notBuilt(CAMPAIGNS)),
  campaignJob('SH-2025-04', notBuilt(CAMPAIGNS)),
  campaignJob('SH-2025-05', notBuilt(CAMPAIGNS)),
  campaignJob('SH-2025-06', notBuilt(CAMPAIGNS)),
  campaignJob('SH-2025-07', notBuilt(CAMPAIGNS)),
  campaignJob('SH-2025-08', notBuilt(CAMPAIGNS)),
  campaignJob('SH-2025-08b', notBuilt(CAMPAIGNS)),
  campaignJob('SH-2025-09', engine('SH-2025-09')),
  campaignJob('SH-2025-10', notBuilt(CAMPAIGNS)),
  campaignJob('SH-2025-11', notBuilt(CAMPAIGNS)),
  campaignJob('SH-2025-12', notBuilt(CAMPAIGNS)),
];

/** The production catalogue; workers import this module to find the pipeline they run. */
export const defaultCatalogue: CatalogueRef = { jobs: catalogue, module: siblingModule(import.meta.url, './catalogue') };
