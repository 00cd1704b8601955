import type { Db } from '../db/open.js';
import type { Campaign } from './configs/index.js';
import { activityCodeFor } from './configs/index.js';
import { shanghaiDateTime } from '../shared/shanghai-time.js';
import { readLedger } from './store/ledger-store.js';
import type { PerformanceRow } from './store/performance-store.js';

/**
 * What the Campaigns page shows of a campaign's stored state, the same for both pipelines: one
 * entry per recorded contract (from the ledger's v1 CSV cells or the performance rows), filtered
 * and paged; per-housekeeper progress to the next tier, the awards and the contracts per day.
 */

export interface LedgerEntry {
  contractId: string;
  /** The outbox business id of the contract's messages (`{activity}:{contract}`). */
  businessId: string;
  docNum: string;
  housekeeper: string;
  /** What the campaign counts per (v1's key: the name, or `name_provider` in Shanghai's database era). */
  housekeeperKey: string;
  provider: string;
  orderType: string | null;
  amount: number | null;
  performance: number | null;
  signedAt: string | null;
  sequence: number | null;
  personalCount: number | null;
  cumulativeAmount: number | null;
  rewardTypes: string[];
  rewardNames: string[];
  remarks: string;
  historical: boolean;
  announced: boolean;
  recordedAt: string;
}

export interface LedgerFilter {
  housekeeper?: string;
  reward?: string;
  /** Signing days (`YYYY-MM-DD`, Asia/Shanghai), inclusive. */
  from?: string;
  to?: string;
  text?: string;
}

/** The activity code a view reads: the campaign's, or the month's for the monthly broadcasts. */
export function viewActivityCode(campaign: Campaign, month: string | undefined, now: Date): string {
  return activityCodeFor(campaign.variant, month ?? shanghaiDateTime(now).slice(0, 7));
}

function num(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

function text(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

const list = (s: string): string[] => (s ? s.split(', ') : []);

function jsonList(json: string | null): string[] {
  if (!json) return [];
  const parsed = JSON.parse(json) as unknown;
  return Array.isArray(parsed) ? parsed.map(String) : [];
}

type StoredPerformanceRow = PerformanceRow & { created_at: string; extensions: string | null };

/** Every recorded contract of an activity, in recording order. */
export function ledgerEntries(db: Db, campaign: Campaign, activityCode: string): LedgerEntry[] {
  if (campaign.variant.pipeline === 'v1-ledger') {
    return readLedger(db, activityCode).map(({ contractId, row, createdAt }) => ({
      contractId,
      businessId: `${activityCode}:${contractId}`,
      docNum: text(row['合同编号(contractdocNum)']),
      housekeeper: text(row['管家(serviceHousekeeper)']),
      housekeeperKey: text(row['管家(serviceHousekeeper)']),
      provider: text(row['服务商(orgName)']),
      orderType: row['工单类型'] ? text(row['工单类型']) : null,
      amount: num(row['合同金额(adjustRefundMoney)']),
      performance: num(row['计入业绩金额']),
      signedAt: row['签约时间(signedDate)'] || null,
      sequence: num(row['活动期内第几个合同']),
      personalCount: num(row['管家累计单数']),
      cumulativeAmount: num(row['管家累计金额']),
      rewardTypes: list(text(row['奖励类型'])),
      rewardNames: list(text(row['奖励名称'])),
      remarks: text(row['备注']),
      historical: row['是否历史合同'] === 'Y',
      announced: row['是否发送通知'] === 'Y',
      recordedAt: createdAt,
    }));
  }
  const rows = db.prepare('SELECT * FROM campaign_performance_data WHERE activity_code = ? ORDER BY id').all(activityCode) as StoredPerformanceRow[];
  return rows.map((r) => {
    const ext = (r.extensions ? JSON.parse(r.extensions) : {}) as Record<string, unknown>;
    return {
      contractId: r.contract_id,
      businessId: `${activityCode}:${r.contract_id}`,
      docNum: text(ext['合同编号(contractdocNum)']),
      // v1's notifier showed the key up to its first `_` (Shanghai keys are `name_provider`).
      housekeeper: r.housekeeper.split('_')[0]!,
      housekeeperKey: r.housekeeper,
      provider: text(r.service_provider),
      orderType: r.order_type === 'self_referral' ? '自引单' : '平台单',
      amount: r.contract_amount,
      performance: r.performance_amount,
      signedAt: text(ext['签约时间(signedDate)']) || null,
      sequence: r.contract_sequence,
      personalCount: num(ext['管家累计单数']),
      cumulativeAmount: num(ext['管家累计金额']),
      rewardTypes: jsonList(r.reward_types),
      rewardNames: jsonList(r.reward_names),
      remarks: r.remarks,
      historical: r.is_historical === 1,
      announced: r.notification_sent === 1,
      recordedAt: r.created_at,
    };
  });
}

/** The signing day in Asia/Shanghai of a v1 date text (`2025-09-02T10:01:00.000+08:00`, `2025-09-02 10:01:00`). */
export function signingDay(signedAt: string | null): string | null {
  if (!signedAt) return null;
  const parsed = Date.parse(signedAt);
  if (/[zZ]|[+-]\d\d:?\d\d$/.test(signedAt) && Number.isFinite(parsed)) return shanghaiDateTime(new Date(parsed)).slice(0, 10);
  return /^\d{4}-\d{2}-\d{2}/.test(signedAt) ? signedAt.slice(0, 10) : null;
}

export function filterEntries(entries: readonly LedgerEntry[], f: LedgerFilter): LedgerEntry[] {
  const needle = f.text?.trim().toLowerCase();
  return entries.filter((e) => {
    if (f.housekeeper && e.housekeeper !== f.housekeeper) return false;
    if (f.reward && !e.rewardNames.includes(f.reward)) return false;
    if (f.from || f.to) {
      const day = signingDay(e.signedAt);
      if (!day || (f.from && day < f.from) || (f.to && day > f.to)) return false;
    }
    if (needle) {
      const hay = [e.contractId, e.docNum, e.housekeeper, e.provider, e.remarks, ...e.rewardNames].join(' ').toLowerCase();
      if (!hay.includes(needle)) return false;
    }
    return true;
  });
}

export interface HousekeeperProgress {
  housekeeper: string;
  housekeeperKey: string;
  provider: string;
  contracts: number;
  amount: number;
  performance: number;
  /** The amount the tiers are measured on (capped performance when the campaign caps, else the contract amounts). */
  basis: number;
  awards: string[];
  /** The next tier not yet reached, with what is missing; null once every tier is reached or the campaign has no tiers. */
  next: { tier: string; threshold: number; contractsMissing: number; amountMissing: number } | null;
}

export interface CampaignOverview {
  totals: { contracts: number; amount: number; performance: number; announced: number; awards: number; historical: number };
  progress: HousekeeperProgress[];
  awards: Array<{ contractId: string; businessId: string; docNum: string; housekeeper: string; type: string; name: string; amount: number | null; signedAt: string | null }>;
  daily: Array<{ day: string; contracts: number; amount: number }>;
}

function nextTier(campaign: Campaign, contracts: number, basis: number): HousekeeperProgress['next'] {
  const { rules } = campaign;
  if (rules.reward_calculation_strategy?.type === 'announcement_only') return null;
  const tiers = [...rules.tiered_rewards.tiers].sort((a, b) => a.threshold - b.threshold);
  const missingContracts = Math.max(0, rules.tiered_rewards.min_contracts - contracts);
  const tier = tiers.find((t) => basis < t.threshold) ?? (missingContracts > 0 ? tiers[0] : undefined);
  if (!tier) return null;
  return { tier: tier.name, threshold: tier.threshold, contractsMissing: missingContracts, amountMissing: Math.max(0, tier.threshold - basis) };
}

export function overview(campaign: Campaign, entries: readonly LedgerEntry[]): CampaignOverview {
  const capped = campaign.rules.performance_limits.enable_cap;
  const byKeeper = new Map<string, HousekeeperProgress>();
  const daily = new Map<string, { contracts: number; amount: number }>();
  const awards: CampaignOverview['awards'] = [];
  const totals = { contracts: 0, amount: 0, performance: 0, announced: 0, awards: 0, historical: 0 };
  for (const e of entries) {
    if (e.announced) totals.announced += 1;
    if (e.historical) {
      totals.historical += 1;
      continue;
    }
    totals.contracts += 1;
    totals.amount += e.amount ?? 0;
    totals.performance += e.performance ?? 0;
    const p = byKeeper.get(e.housekeeperKey) ?? { housekeeper: e.housekeeper, housekeeperKey: e.housekeeperKey, provider: e.provider, contracts: 0, amount: 0, performance: 0, basis: 0, awards: [], next: null };
    p.contracts += 1;
    p.amount += e.amount ?? 0;
    p.performance += e.performance ?? 0;
    byKeeper.set(e.housekeeperKey, p);
    const day = signingDay(e.signedAt);
    if (day) {
      const d = daily.get(day) ?? { contracts: 0, amount: 0 };
      d.contracts += 1;
      d.amount += e.amount ?? 0;
      daily.set(day, d);
    }
    e.rewardNames.forEach((name, i) => {
      const mapped = campaign.awardsMapping[name];
      p.awards.push(name);
      awards.push({ contractId: e.contractId, businessId: e.businessId, docNum: e.docNum, housekeeper: e.housekeeper, type: e.rewardTypes[i] ?? '', name, amount: mapped === undefined ? null : Number(mapped), signedAt: e.signedAt });
    });
  }
  totals.awards = awards.length;
  const progress = [...byKeeper.values()].map((p) => {
    const basis = capped ? p.performance : p.amount;
    return { ...p, basis, next: nextTier(campaign, p.contracts, basis) };
  });
  progress.sort((a, b) => b.basis - a.basis || a.housekeeper.localeCompare(b.housekeeper));
  return {
    totals,
    progress,
    awards,
    daily: [...daily.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([day, d]) => ({ day, ...d })),
  };
}

/** The months a monthly broadcast has stored state for (`YYYY-MM`), newest first. */
export function storedMonths(db: Db, campaign: Campaign): string[] {
  const template = campaign.variant.activityCode;
  if (!template.includes('{YYYY-MM}')) return [];
  const prefix = template.replace('{YYYY-MM}', '');
  const table = campaign.variant.pipeline === 'v1-ledger' ? 'campaign_ledger' : 'campaign_performance_data';
  const codes = db.prepare(`SELECT DISTINCT activity_code FROM ${table} WHERE activity_code LIKE ? ORDER BY activity_code DESC`).pluck().all(`${prefix}%`) as string[];
  return codes.map((c) => c.slice(prefix.length)).filter((m) => /^\d{4}-\d{2}$/.test(m));
}
