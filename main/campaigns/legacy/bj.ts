import { COL, STANDARD_COLUMNS } from '../input/columns.js';
import type { PyNum } from '../rules/py.js';
import { add, int, pmin, sub, ZERO } from '../rules/py.js';
import { addRewardColumns, entry, startRecord } from './record.js';
import { legacyRewards } from '../rules/rewards.js';
import { text } from '../rules/format.js';
import { column, contractAmount, contractId } from './contracts.js';
import type { LegacyRecord, LegacyRun } from './types.js';

/**
 * Beijing April → August 2025 (spec §3.6.1–3.6.2): counters re-derived from the whole list, a
 * per-contract performance cap, and a work-order limit on the accumulated amount (usage counted
 * within the run — the full list makes it cumulative in practice).
 */

interface State {
  count: number;
  total: PyNum;
  performance: PyNum;
  awarded: Set<string>;
}

/** Input columns 1–15 as v1 copied them into the record (the contract id is written separately). */
const RECORD_INPUT_COLUMNS = STANDARD_COLUMNS.slice(1, 15);

export function processBeijing(run: LegacyRun, source: string): LegacyRecord[] {
  const { campaign, ledger } = run;
  const legacy = campaign.variant.legacy!;
  const cap = int(legacy.contractCap);
  const limit = int(legacy.workOrderLimit ?? Number.MAX_SAFE_INTEGER);
  const states = new Map<string, State>();
  const processed = new Set<string>();
  const workOrderUsed = new Map<string, PyNum>();
  const out: LegacyRecord[] = [];
  let seq = ledger.existingIds.size + 1;
  run.contracts.forEach((contract, index) => {
    const id = contractId(contract);
    if (processed.has(id)) return run.onDuplicate(id, index);
    const housekeeper = text(column(contract, COL.housekeeper));
    const s = entry(states, housekeeper, () => ({ count: 0, total: ZERO, performance: ZERO, awarded: ledger.awardLists.get(housekeeper) ?? new Set<string>() }));
    s.count += 1;
    const amount = contractAmount(contract, index, source);
    const piece = pmin(amount, cap);
    const workOrder = text(column(contract, COL.workOrder));
    const used = workOrderUsed.get(workOrder) ?? ZERO;
    const counted = used.v < limit.v ? pmin(amount, sub(limit, used)) : ZERO;
    workOrderUsed.set(workOrder, add(used, amount));
    s.total = add(s.total, counted);
    s.performance = add(s.performance, piece);
    processed.add(id);
    const rewards = legacyRewards(campaign.rules, seq, s, amount);
    if (ledger.existingIds.has(id)) return;
    const record = startRecord(campaign.variant.recordLabel ?? campaign.variant.activityCode, id, contract, RECORD_INPUT_COLUMNS)
      .set('活动期内第几个合同', int(seq))
      .set('管家累计单数', int(s.count))
      .set('管家累计金额', s.total)
      .set('计入业绩金额', s.performance);
    addRewardColumns(record, rewards, int(rewards.types.length ? 1 : 0), rewards.gap || '无', run.registeredAt.date);
    out.push({ id, housekeeperKey: housekeeper, record, historical: false });
    seq += 1;
  });
  return out;
}
