import { COL, STANDARD_COLUMNS } from '../input/columns.js';
import { text } from '../rules/format.js';
import type { PyNum } from '../rules/py.js';
import { add, float, int, mul, pmin, truncInt, ZERO } from '../rules/py.js';
import { addRewardColumns, entry, startRecord } from './record.js';
import { legacyRewards } from '../rules/rewards.js';
import { column, contractAmount, contractId } from './contracts.js';
import type { LegacyRecord, LegacyRun } from './types.js';

/**
 * Shanghai April → August 2025 (spec §3.6.3): housekeepers keyed by `name_provider`, totals truncated
 * to integers after every addition, tiers on the uncapped total; the 40,000 cap only feeds the
 * cumulative `计入业绩金额` column. Every month's records say `SH-2025-04`.
 */

const BONUS_POOL_RATIO = float(0.002);

interface State {
  count: number;
  total: PyNum;
  performance: PyNum;
  awarded: Set<string>;
}

const RECORD_INPUT_COLUMNS = STANDARD_COLUMNS.slice(1);

export function processShanghai(run: LegacyRun, source: string): LegacyRecord[] {
  const { campaign, ledger } = run;
  const legacy = campaign.variant.legacy!;
  const cap = int(legacy.contractCap);
  const states = new Map<string, State>();
  const processed = new Set<string>();
  const out: LegacyRecord[] = [];
  let seq = ledger.existingIds.size + 1;
  run.contracts.forEach((contract, index) => {
    const id = contractId(contract);
    if (processed.has(id)) return run.onDuplicate(id, index);
    const housekeeper = text(column(contract, COL.housekeeper));
    const key = `${housekeeper}_${text(column(contract, COL.org))}`;
    const s = entry(states, key, () => ({ count: 0, total: ZERO, performance: ZERO, awarded: ledger.awardLists.get(key) ?? new Set<string>() }));
    const amount = contractAmount(contract, index, source);
    s.count += 1;
    s.total = truncInt(add(s.total, amount));
    s.performance = truncInt(add(s.performance, pmin(amount, cap)));
    processed.add(id);
    const rewards = legacyRewards(campaign.rules, seq, s, amount, legacy.tierFunction);
    if (ledger.existingIds.has(id)) return;
    const record = startRecord(campaign.variant.recordLabel ?? campaign.variant.activityCode, id, contract, RECORD_INPUT_COLUMNS)
      .set('活动期内第几个合同', int(seq))
      .set('管家累计单数', int(s.count))
      .set('管家累计金额', s.total)
      .set('奖金池', mul(amount, BONUS_POOL_RATIO))
      .set('计入业绩金额', s.performance);
    addRewardColumns(record, rewards, int(rewards.types.length ? 1 : 0), rewards.gap || '无', run.registeredAt.date);
    out.push({ id, housekeeperKey: key, record, historical: false });
    seq += 1;
  });
  return out;
}
