import type { JobDefinition } from './types.js';
import { siblingModule, type CatalogueRef } from './config.js';
import { campaignJobImplementation } from '../campaigns/job.js';
import { monitorJob } from '../monitors/definitions.js';
import { DAILY, EVERY_3_MINUTES, FREQUENT, HEARTBEAT, campaignJob, dailyAt, defineJob } from './define.js';

/**
 * Every job Herald knows: v1's jobs (spec §1.4) with v1's most recent schedule (§1.2–1.3). All start
 * disabled until the office enables them. Each line names the capability's implementation
 * (`{ body, settingsSchema }`): campaigns by variant, monitors by job id.
 */
export const catalogue: JobDefinition[] = [
  defineJob('bj-sign-broadcast', { 'zh-CN': '北京签约喜报播报', en: 'Beijing sign broadcast' }, [HEARTBEAT], FREQUENT, campaignJobImplementation('BJ-SIGN-BROADCAST')),
  defineJob('bj-performance-broadcast', { 'zh-CN': '北京业绩播报', en: 'Beijing performance broadcast' }, [HEARTBEAT], FREQUENT, campaignJobImplementation('BJ-PERFORMANCE-BROADCAST')),
  defineJob('housekeeper-offline-broadcast', { 'zh-CN': '管家离线播报', en: 'Housekeeper offline broadcast' }, [HEARTBEAT], FREQUENT, monitorJob('housekeeper-offline-broadcast')),
  defineJob('smartsheet-project-settlement', { 'zh-CN': '智能表格同步：项目结算', en: 'Smartsheet sync: project settlement' }, [HEARTBEAT], FREQUENT, monitorJob('smartsheet-project-settlement')),
  defineJob('smartsheet-contract-completion', { 'zh-CN': '智能表格同步：合同完工', en: 'Smartsheet sync: contract completion' }, [HEARTBEAT], FREQUENT, monitorJob('smartsheet-contract-completion')),
  defineJob('smartsheet-payment-records', { 'zh-CN': '智能表格同步：支付记录', en: 'Smartsheet sync: payment records' }, [HEARTBEAT], FREQUENT, monitorJob('smartsheet-payment-records')),
  defineJob('smartsheet-crew-settlement-ledger', { 'zh-CN': '智能表格同步：工队结算财务台账', en: 'Smartsheet sync: crew settlement finance ledger' }, [HEARTBEAT], FREQUENT, monitorJob('smartsheet-crew-settlement-ledger')),
  defineJob('smartsheet-material-replenishment', { 'zh-CN': '智能表格同步：材料补货', en: 'Smartsheet sync: material replenishment' }, [HEARTBEAT], FREQUENT, monitorJob('smartsheet-material-replenishment')),
  defineJob('pending-orders-reminder', { 'zh-CN': '待预约工单提醒', en: 'Pending orders reminder' }, [dailyAt(8, 30)], DAILY, monitorJob('pending-orders-reminder')),
  defineJob('sla-daily-report', { 'zh-CN': '服务超时日报（SLA）', en: 'Daily service (SLA) report' }, [dailyAt(9, 0)], DAILY, monitorJob('sla-daily-report')),
  defineJob('technician-status', { 'zh-CN': '管家状态变更通知（2025年8月停用）', en: 'Technician status changes (retired Aug 2025)' }, [EVERY_3_MINUTES], FREQUENT, monitorJob('technician-status')),
  defineJob('contact-timeout-report', { 'zh-CN': '联系超时汇总报告', en: 'Contact-timeout report' }, [], DAILY, monitorJob('contact-timeout-report')),
  campaignJob('BJ-2025-04', campaignJobImplementation('BJ-2025-04')),
  campaignJob('BJ-2025-05', campaignJobImplementation('BJ-2025-05')),
  campaignJob('BJ-2025-06', campaignJobImplementation('BJ-2025-06')),
  campaignJob('BJ-2025-07', campaignJobImplementation('BJ-2025-07')),
  campaignJob('BJ-2025-08', campaignJobImplementation('BJ-2025-08')),
  campaignJob('BJ-2025-09', campaignJobImplementation('BJ-2025-09')),
  campaignJob('BJ-2025-10', campaignJobImplementation('BJ-2025-10')),
  campaignJob('BJ-2025-11', campaignJobImplementation('BJ-2025-11')),
  campaignJob('BJ-2025-12', campaignJobImplementation('BJ-2025-12')),
  campaignJob('SH-2025-04', campaignJobImplementation('SH-2025-04')),
  campaignJob('SH-2025-05', campaignJobImplementation('SH-2025-05')),
  campaignJob('SH-2025-06', campaignJobImplementation('SH-2025-06')),
  campaignJob('SH-2025-07', campaignJobImplementation('SH-2025-07')),
  campaignJob('SH-2025-08', campaignJobImplementation('SH-2025-08')),
  campaignJob('SH-2025-08b', campaignJobImplementation('SH-2025-08b')),
  campaignJob('SH-2025-09', campaignJobImplementation('SH-2025-09')),
  campaignJob('SH-2025-10', campaignJobImplementation('SH-2025-10')),
  campaignJob('SH-2025-11', campaignJobImplementation('SH-2025-11')),
  campaignJob('SH-2025-12', campaignJobImplementation('SH-2025-12')),
];

/** The production catalogue; workers import this module to find the pipeline they run. */
export const defaultCatalogue: CatalogueRef = { jobs: catalogue, module: siblingModule(import.meta.url, './catalogue') };
