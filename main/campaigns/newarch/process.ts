import type { Campaign } from '../configs/index.js';
import type { ContractRow } from '../input/contract-row.js';
import { PyRow, makeRow } from '../input/contract-row.js';
import { COL } from '../input/columns.js';
import type { PyNum, PyValue } from '../rules/py.js';
import { add, float, int, pmax, pmin, pyStr, sub, RecordBuilder } from '../rules/py.js';
import type { DbStats, Rewards } from '../rules/rewards.js';
import { newArchRewards } from '../rules/rewards.js';
import { selfReferralReward } from '../rules/self-referral.js';
import type { DbContract } from './contract.js';
import { dbContract, sourceTypeText } from './contract.js';
import type { ActivityState, StoredRow } from './state.js';
import { zeroStats } from './state.js';

/**
 * The database pipeline of 2025-10 on (spec §3.7.2), one run: counters come from the stored rows
 * (not from re-reading the list), a contract already stored is skipped, and each new contract is
 * saved as it is processed. The performance broadcast instead refreshes every current contract.
 */

export interface DbFixes {
  platformTierBasis: boolean;
  addressDedupAcrossRuns: boolean;
  workOrderLimitAcrossRuns: boolean;
  strictHistoricalFlag: boolean;
}

export interface DbRun {
  campaign: Campaign;
  activityCode: string;
  rows: readonly ContractRow[];
  state: ActivityState;
  /** Refresh mode: the stored rows by contract id (their `notification_sent` is kept). */
  stored: ReadonlyMap<string, StoredRow>;
  fixes: DbFixes;
  source: string;
  onDuplicate(id: string, index: number): void;
}

export interface DbRecord {
  id: string;
  key: string;
  record: RecordBuilder;
  row: StoredRow;
}

export interface DbOutcome {
  records: DbRecord[];
  /** Refresh mode: stored contracts that left the source. */
  removed: string[];
  skipped: number;
}

/** Source-type filter (§3.7.2 step 1), string/int tolerant. */
function allowedSourceTypes(campaign: Campaign): ReadonlySet<string> | undefined {
  const pc = campaign.rules.processing_config;
  if (pc?.source_type_filter) return new Set(pc.source_type_filter.allowed_source_types.map(String));
  return pc?.process_platform_only ? new Set(['2', '4', '5']) : undefined;
}

/** Performance broadcast input: each housekeeper's latest conversion rate, then signed-date order (with input row numbers). */
function broadcastOrder(rows: readonly ContractRow[]): Array<{ row: ContractRow; i: number }> {
  const latest = new Map<string, PyRow>();
  for (const row of rows) {
    const r = new PyRow(row);
    const hk = pyStr(r.get(COL.housekeeper) ?? '');
    const best = latest.get(hk);
    if (!best || pyStr(r.get(COL.signedDate) ?? '') >= pyStr(best.get(COL.signedDate) ?? '')) latest.set(hk, r);
  }
  const withRate = rows.map((row) => {
    const r = new PyRow(row);
    const rate = latest.get(pyStr(r.get(COL.housekeeper) ?? ''))!.get(COL.conversion);
    if (!r.has(COL.conversion)) return row;
    return makeRow(r.keys().map((k): [string, PyValue] => [k, k === COL.conversion ? (rate ?? null) : r.get(k)!]));
  });
  const signed = (row: ContractRow) => pyStr(new PyRow(row).get(COL.signedDate) ?? '');
  return withRate
    .map((row, i) => ({ row, i, s: signed(row) }))
    .sort((a, b) => (a.s < b.s ? -1 : a.s > b.s ? 1 : a.i - b.i))
    .map(({ row, i }) => ({ row, i }));
}

/** v1's validation runs marked historical contracts from `pcContractdocNum` before the pipeline. */
function withHistoricalFlag(row: ContractRow): ContractRow {
  const r = new PyRow(row);
  const pc = r.get(COL.pcContractdocNum);
  const flag = pc !== undefined && pc !== null && pc !== false && pyStr(pc).trim() !== '';
  return makeRow([...r.keys().map((k): [string, PyValue] => [k, r.get(k)!]), ['is_historical', flag]]);
}

export function processDb(run: DbRun): DbOutcome {
  const { campaign, state, fixes } = run;
  const db = campaign.variant.db!;
  const rules = campaign.rules;
  const refresh = rules.processing_config?.refresh_existing_contracts === true;
  const allowed = allowedSourceTypes(campaign);
  const reward = selfReferralReward(rules);
  let rows = db.performanceBroadcast ? broadcastOrder(run.rows) : run.rows.map((row, i) => ({ row, i }));
  if (db.historicalFromPcContractdocNum) rows = rows.map(({ row, i }) => ({ row: withHistoricalFlag(row), i }));

  const records: DbRecord[] = [];
  const seenInRun = new Set<string>();
  const tracker = new Map<string, PyNum>();
  const runAddresses = new Map<string, Set<string>>();
  const cumulative = new Map<string, PyNum>();
  const refreshed = new Map<string, DbStats>();
  let skipped = 0;
  let seq = refresh ? 1 : (db.historical ? state.nonHistoricalCount : state.rowCount) + 1;

  rows.forEach(({ row, i: index }) => {
    if (allowed && !allowed.has(sourceTypeText(new PyRow(row)))) return;
    const c = dbContract(row, index, run.source, { reportedPerformance: db.performanceBroadcast, strictHistoricalFlag: fixes.strictHistoricalFlag });
    if (seenInRun.has(c.id)) return run.onDuplicate(c.id, index);
    seenInRun.add(c.id);
    if (!refresh && state.existingIds.has(c.id)) {
      skipped += 1;
      return;
    }
    const key = db.keyFormat === 'name_org' ? `${pyStr(c.housekeeper)}_${pyStr(c.serviceProvider)}` : pyStr(c.housekeeper);
    let stats = refresh ? refreshed.get(key) : state.statsOf(key);
    if (!stats) refreshed.set(key, (stats = zeroStats()));
    const performance = performanceAmount(run, c, tracker);
    const historical = c.rawHistorical && db.historical;
    const platform = c.orderType === 'platform';
    let updated = stats;
    let rewards: Rewards = { types: [], names: [], gap: '' };
    let sequence = 0;
    if (!historical) {
      updated = {
        count: stats.count + 1,
        total: add(stats.total, c.amount),
        performance: add(stats.performance, performance),
        awarded: stats.awarded,
        platformCount: stats.platformCount + (platform ? 1 : 0),
        platformAmount: add(stats.platformAmount, platform ? c.amount : int(0)),
        selfCount: stats.selfCount + (platform ? 0 : 1),
        selfAmount: add(stats.selfAmount, platform ? int(0) : c.amount),
      };
      sequence = seq;
      const address = pyStr(c.raw.get(COL.projectAddress) ?? '');
      let duplicateAddress = false;
      if (db.dualTrack && !platform && address) {
        let seen = runAddresses.get(key);
        if (!seen) runAddresses.set(key, (seen = new Set(fixes.addressDedupAcrossRuns ? state.addressesOf(key) : [])));
        duplicateAddress = seen.has(address);
        seen.add(address);
      }
      if (!duplicateAddress) {
        rewards = newArchRewards(rules, {
          stats: updated,
          orderType: c.orderType,
          globalSeq: seq,
          selfReferralReward: reward && !platform && address ? reward : undefined,
          platformTierBasis: fixes.platformTierBasis,
        });
        for (const n of rewards.names) stats.awarded.add(n);
      }
    }
    let running: PyNum = float(0);
    if (!c.rawHistorical) {
      running = add(cumulative.get(key) ?? (refresh ? int(0) : stats.performance), performance);
      cumulative.set(key, running);
    }
    const storedBefore = run.stored.get(c.id);
    const record = buildRecord(run, c, { updated, historical: c.rawHistorical, performance, running, sequence, rewards, sent: storedBefore?.notificationSent ?? false });
    const stored: StoredRow = {
      contractId: c.id,
      housekeeper: key,
      serviceProvider: pyStr(c.serviceProvider),
      contractAmount: c.amount.v,
      performanceAmount: performance.v,
      projectId: c.projectId,
      orderType: c.orderType,
      contractSequence: sequence,
      rewardTypes: rewards.types,
      rewardNames: rewards.names,
      isHistorical: c.rawHistorical,
      notificationSent: storedBefore?.notificationSent ?? false,
      remarks: c.rawHistorical ? '历史合同-仅计入业绩金额' : rewards.gap || '无',
      projectAddress: pyStr(c.raw.get(COL.projectAddress) ?? ''),
    };
    if (refresh) refreshed.set(key, updated);
    else state.add(stored);
    records.push({ id: c.id, key, record, row: stored });
    if (!historical) seq += 1;
  });
  const removed = refresh ? [...run.stored.keys()].filter((id) => !seenInRun.has(id)) : [];
  return { records, removed, skipped };
}

/** §3.7.2 d: the per-contract cap (applied even with `enable_cap` false) and the work-order limit. */
function performanceAmount(run: DbRun, c: DbContract, tracker: Map<string, PyNum>): PyNum {
  if (c.reportedPerformance) return c.reportedPerformance;
  const limits = run.campaign.rules.performance_limits;
  const self = c.orderType === 'self_referral';
  const cap = int((self ? limits.self_referral_contract_cap : undefined) ?? limits.single_contract_cap ?? 50000);
  const base = pmin(c.amount, cap);
  if (!run.campaign.variant.db!.projectLimit || !c.projectId) return base;
  const limit = int((self ? limits.self_referral_project_limit : undefined) ?? limits.single_project_limit ?? 50000);
  const used = tracker.get(c.projectId) ?? (run.fixes.workOrderLimitAcrossRuns ? run.state.projectUsed(c.projectId) : int(0));
  const performance = pmin(base, pmax(int(0), sub(limit, used)));
  tracker.set(c.projectId, add(used, performance));
  return performance;
}

interface RecordParts {
  updated: DbStats;
  historical: boolean;
  performance: PyNum;
  running: PyNum;
  sequence: number;
  rewards: Rewards;
  sent: boolean;
}

/** `PerformanceRecord.to_dict()` (spec §3.8): fixed keys, then every raw input key, then dual-track stats. */
function buildRecord(run: DbRun, c: DbContract, p: RecordParts): RecordBuilder {
  const r = new RecordBuilder()
    .set('活动编号', run.activityCode)
    .set(COL.id, c.id)
    .set(COL.housekeeper, c.housekeeper)
    .set(COL.org, c.serviceProvider)
    .set(COL.amount, c.amount)
    .set(COL.paid, c.paid)
    .set('计入业绩金额', p.performance)
    .set('管家累计业绩金额', p.running)
    .set('活动期内第几个合同', int(p.sequence))
    .set('管家累计单数', int(p.historical ? 0 : p.updated.count))
    .set('管家累计金额', p.historical ? int(0) : p.updated.total)
    .set('激活奖励状态', int(p.historical || p.rewards.types.length === 0 ? 0 : 1))
    .set('奖励类型', p.rewards.types.join(','))
    .set('奖励名称', p.rewards.names.join(','))
    .set('是否发送通知', p.sent ? 'Y' : 'N')
    .set('备注', p.historical ? '历史合同-仅计入业绩金额' : p.rewards.gap || '无');
  for (const k of c.raw.keys()) r.set(k, c.raw.get(k)!);
  return r
    .set('工单类型', c.orderType === 'self_referral' ? '自引单' : '平台单')
    .set('平台单累计数量', int(p.updated.platformCount))
    .set('平台单累计金额', p.updated.platformAmount)
    .set('自引单累计数量', int(p.updated.selfCount))
    .set('自引单累计金额', p.updated.selfAmount);
}
