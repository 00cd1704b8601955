import { COL, STANDARD_COLUMNS } from '../input/columns.js';
import { text, valueToFloat } from '../rules/format.js';
import type { PyNum, PyValue } from '../rules/py.js';
import { add, float, int, pmax, pmin, sub, ZERO } from '../rules/py.js';
import type { RecordBuilder } from '../rules/py.js';
import { addRewardColumns, entry, startRecord } from './record.js';
import { legacyRewards } from '../rules/rewards.js';
import { column, contractAmount, contractId } from './contracts.js';
import type { LegacyContract, LegacyRecord, LegacyRun } from './types.js';

/**
 * Beijing September 2025, the final legacy function (spec §3.6.4): contracts carrying a previous
 * contract number (`pcContractdocNum`) are historical — recorded, never announced, counted only in
 * the work order's 50,000 limit. New contracts continue the ledger's counters; a correction pass then
 * re-applies the work-order limit, and `管家累计业绩金额` is a running sum in signed-date order.
 */

const CONTRACT_COLUMNS = STANDARD_COLUMNS.slice(1);

function isHistorical(value: PyValue): boolean {
  return value !== null && text(value).trim() !== '';
}

function historicalRecord(run: LegacyRun, contract: LegacyContract, amount: PyNum, tracker: Map<string, PyNum>): RecordBuilder {
  const limit = int(run.campaign.variant.legacy!.workOrderLimit!);
  const workOrder = text(column(contract, COL.workOrder));
  const used = tracker.get(workOrder) ?? ZERO;
  const performance = pmin(amount, pmax(ZERO, sub(limit, used)));
  tracker.set(workOrder, add(used, performance));
  return startRecord(run.campaign.variant.recordLabel!, column(contract, COL.id), contract, CONTRACT_COLUMNS)
    .set(COL.amount, amount)
    .set('活动期内第几个合同', int(0))
    .set('管家累计金额', int(0))
    .set('管家累计单数', int(0))
    .set('奖金池', int(0))
    .set('计入业绩金额', performance)
    .set('激活奖励状态', '0')
    .set('奖励类型', '')
    .set('奖励名称', '')
    .set('是否发送通知', 'N')
    .set('是否历史合同', 'Y')
    .set('合同类型说明', '活动期内历史合同')
    .set('备注', '历史合同-仅计入业绩金额')
    .set('登记时间', run.registeredAt.datetime);
}

interface State {
  count: number;
  total: PyNum;
  performance: PyNum;
  awarded: Set<string>;
}

export function processBeijingSeptember(run: LegacyRun, source: string): LegacyRecord[] {
  const { campaign, ledger } = run;
  const legacy = campaign.variant.legacy!;
  const cap = int(legacy.contractCap);
  const limit = int(legacy.workOrderLimit!);
  const tracker = new Map<string, PyNum>();
  const historical: LegacyRecord[] = [];
  const fresh: Array<{ contract: LegacyContract; index: number }> = [];
  const seenIds = new Set<string>();
  run.contracts.forEach((contract, index) => {
    const id = contractId(contract);
    if (ledger.existingIds.has(id)) return;
    if (seenIds.has(id)) return run.onDuplicate(id, index);
    seenIds.add(id);
    if (isHistorical(column(contract, COL.pcContractdocNum))) {
      const record = historicalRecord(run, contract, contractAmount(contract, index, source), tracker);
      historical.push({ id, housekeeperKey: text(column(contract, COL.housekeeper)), record, historical: true });
    } else fresh.push({ contract, index });
  });

  // Raw amounts of this run's historical contracts per work order start the work-order usage.
  const historicalUsage = new Map<string, PyNum>();
  for (const h of historical) {
    const workOrder = text(h.record.get(COL.workOrder) ?? null);
    if (workOrder) historicalUsage.set(workOrder, add(historicalUsage.get(workOrder) ?? ZERO, h.record.get(COL.amount) as PyNum));
  }
  const states = new Map<string, State>();
  for (const [housekeeper, b] of ledger.baselines) {
    states.set(housekeeper, { count: b.count, total: b.total, performance: b.performance, awarded: ledger.awardLists.get(housekeeper) ?? new Set() });
  }
  const usage = new Map<string, PyNum>();
  const records: LegacyRecord[] = [];
  let seq = ledger.nonHistoricalCount + 1;
  for (const { contract, index } of fresh) {
    const id = contractId(contract);
    const housekeeper = text(column(contract, COL.housekeeper));
    const s = entry(states, housekeeper, () => ({ count: 0, total: ZERO, performance: ZERO, awarded: ledger.awardLists.get(housekeeper) ?? new Set<string>() }));
    s.count += 1;
    const amount = contractAmount(contract, index, source);
    const piece = pmin(amount, cap);
    const workOrder = text(column(contract, COL.workOrder));
    const used = usage.get(workOrder) ?? historicalUsage.get(workOrder) ?? ZERO;
    const counted = add(used, amount).v > limit.v ? pmax(ZERO, sub(limit, used)) : amount;
    usage.set(workOrder, add(used, amount));
    s.total = add(s.total, amount);
    s.performance = add(s.performance, pmin(counted, piece));
    const rewards = legacyRewards(campaign.rules, seq, s, amount);
    // The June function's record, relabelled after the correction pass.
    const record = startRecord('BJ-JUN', column(contract, COL.id), contract, CONTRACT_COLUMNS)
      .set('活动期内第几个合同', int(seq))
      .set('管家累计单数', int(s.count))
      .set('管家累计金额', s.total)
      .set('奖金池', s.total)
      .set('计入业绩金额', piece);
    addRewardColumns(record, rewards, rewards.types.length ? '1' : '0', rewards.gap || '无', run.registeredAt.datetime);
    records.push({ id, housekeeperKey: housekeeper, record, historical: false });
    seq += 1;
  }

  // Correction pass: the work-order limit again, over this run's and the ledger's performance.
  const counts = new Map([...ledger.baselines].map(([k, b]) => [k, b.count]));
  for (const r of records) {
    const workOrder = text(r.record.get(COL.workOrder) ?? null);
    const original = float(valueToFloat(r.record.get('计入业绩金额')) ?? 0);
    const batch = tracker.get(workOrder) ?? ZERO;
    const remaining = pmax(ZERO, sub(limit, add(batch, ledger.projectTotals.get(workOrder) ?? ZERO)));
    const corrected = pmin(original, remaining);
    r.record.set('计入业绩金额', corrected);
    tracker.set(workOrder, add(batch, corrected));
    const count = (counts.get(r.housekeeperKey) ?? 0) + 1;
    counts.set(r.housekeeperKey, count);
    r.record.set('管家累计单数', int(count)).set('活动编号', campaign.variant.recordLabel!).set('是否历史合同', 'N').set('合同类型说明', '活动期内新增合同');
  }
  const all = [...historical, ...records];
  addSignedDateCumulative(all, ledger.newContractRows);
  return all;
}

/** `管家累计业绩金额`: per housekeeper, ledger and new contracts by signed date, running sum (new ones only). */
function addSignedDateCumulative(records: LegacyRecord[], ledgerRows: ReadonlyArray<Readonly<Record<string, string>>>): void {
  for (const r of records) r.record.set('管家累计业绩金额', int(0));
  const groups = new Map<string, Array<{ signed: string; performance: number; target?: RecordBuilder }>>();
  const push = (housekeeper: string, entry: { signed: string; performance: number; target?: RecordBuilder }) => {
    let g = groups.get(housekeeper);
    if (!g) groups.set(housekeeper, (g = []));
    g.push(entry);
  };
  for (const row of ledgerRows) push(row[COL.housekeeper] ?? '', { signed: row[COL.signedDate] ?? '', performance: valueToFloat(row['计入业绩金额'] ?? '0') ?? 0 });
  for (const r of records) {
    if (r.historical) continue;
    push(text(r.record.get(COL.housekeeper) ?? ''), { signed: text(r.record.get(COL.signedDate) ?? ''), performance: valueToFloat(r.record.get('计入业绩金额')) ?? 0, target: r.record });
  }
  for (const g of groups.values()) {
    g.sort((a, b) => (a.signed < b.signed ? -1 : a.signed > b.signed ? 1 : 0));
    let cumulative: PyNum = ZERO;
    for (const e of g) {
      cumulative = add(cumulative, float(e.performance));
      e.target?.set('管家累计业绩金额', cumulative);
    }
  }
}
