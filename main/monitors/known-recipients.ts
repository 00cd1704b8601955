import type { KnownRecipient } from '../outbox/known-recipients.js';
import { DEFAULT_PROVIDER_WEBHOOKS, RECIPIENTS, providerRecipient, smartsheetRecipient } from './transforms/recipients.js';
import { SMARTSHEET_TABLES, type SmartsheetTableId } from './transforms/smartsheet-tables.js';

type Words = { 'zh-CN': string; en: string };

const sla = { 'zh-CN': 'SLA 超时日报与周报', en: 'SLA daily and weekly report' };
const slaAndPending = { 'zh-CN': 'SLA 超时日报、待预约工单提醒', en: 'SLA report, pending orders reminder' };

const SHEET_NAMES: Record<SmartsheetTableId, Words> = {
  'project-settlement': { 'zh-CN': '项目结算', en: 'project settlement' },
  'contract-completion': { 'zh-CN': '合同完工', en: 'contract completion' },
  'payment-records': { 'zh-CN': '支付记录', en: 'payment records' },
  'crew-settlement-ledger': { 'zh-CN': '工队结算财务台账', en: 'crew settlement finance ledger' },
  'material-replenishment': { 'zh-CN': '材料补货', en: 'material replenishment' },
};

/**
 * Every recipient of the monitors' default settings: v1's webhooks (spec §10), one smartsheet
 * webhook per table, and a group per provider of Appendix B.2 — plus `provider:*`, the outbox's
 * stand-in for a listed provider whose own group is not configured yet.
 */
export const MONITOR_RECIPIENTS: readonly KnownRecipient[] = [
  { id: RECIPIENTS.wecomDefault, name: { 'zh-CN': '默认群机器人（WECOM_WEBHOOK_DEFAULT）', en: 'Default group robot (WECOM_WEBHOOK_DEFAULT)' }, usedBy: { 'zh-CN': '未列入服务商名单的服务商', en: 'providers not on the provider list' } },
  { id: 'provider:*', name: { 'zh-CN': '服务商默认群（名单内未单独配置的服务商）', en: 'Provider default group (listed providers without their own group)' }, usedBy: slaAndPending },
  ...DEFAULT_PROVIDER_WEBHOOKS.map((org) => ({ id: providerRecipient(org), name: { 'zh-CN': `${org}（服务商群）`, en: `${org} (provider group)` }, usedBy: slaAndPending })),
  { id: RECIPIENTS.housekeeperOffline, name: { 'zh-CN': '管家上下线播报群', en: 'Housekeeper online/offline group' }, usedBy: { 'zh-CN': '管家离线播报', en: 'Housekeeper offline broadcast' } },
  ...(Object.keys(SMARTSHEET_TABLES) as SmartsheetTableId[]).map((table) => ({
    id: smartsheetRecipient(table),
    name: { 'zh-CN': `智能表格：${SHEET_NAMES[table]['zh-CN']}（webhook 完整地址）`, en: `Smartsheet: ${SHEET_NAMES[table].en} (full webhook URL)` },
    usedBy: { 'zh-CN': `智能表格同步：${SHEET_NAMES[table]['zh-CN']}`, en: `Smartsheet sync: ${SHEET_NAMES[table].en}` },
  })),
  { id: RECIPIENTS.contactTimeout, name: { 'zh-CN': '联系超时报告群', en: 'Contact-timeout report group' }, usedBy: { 'zh-CN': '联系超时汇总报告', en: 'Contact-timeout report' } },
  { id: RECIPIENTS.webhookUrlDefault, name: { 'zh-CN': '管家状态默认 webhook（WEBHOOK_URL_DEFAULT）', en: 'Technician status default webhook (WEBHOOK_URL_DEFAULT)' }, usedBy: { 'zh-CN': '管家状态变更通知', en: 'Technician status changes' } },
  { id: RECIPIENTS.adminContact, name: { 'zh-CN': 'PC 时代 SLA 兜底联系人', en: 'PC-era SLA fallback contact' }, usedBy: sla },
];
