import { COL, STANDARD_COLUMNS } from '../input/columns.js';
import { text } from '../rules/format.js';
import type { PyNum, PyValue } from '../rules/py.js';
import { add, int, pmin, pyStr, truncInt, ZERO } from '../rules/py.js';
import type { Rewards } from '../rules/rewards.js';
import { addRewardColumns, entry, startRecord } from './record.js';
import { legacyRewards } from '../rules/rewards.js';
import { legacySelfReferral } from '../rules/self-referral.js';
import { badInput, column, contractAmount, contractId } from './contracts.js';
import type { LegacyRecord, LegacyRun } from './types.js';

/**
 * Shanghai September 2025 (spec §3.6.5): dual track. Platform orders climb the tiers on platform-only
 * numbers; self-referral orders earn a 红包 per new project address of the housekeeper (addresses of
 * re-read contracts count too, so de-duplication holds across runs). Rows keep their native types.
 */

interface State {
  count: number;
  total: PyNum;
  performance: PyNum;
  awarded: Set<string>;
  platformCount: number;
  platformAmount: PyNum;
  selfCount: number;
  selfAmount: PyNum;
  projects: Set<string>;
}

const SELF_REFERRAL_REMARK = '继续加油，争取更多奖励';
const RECORD_INPUT_COLUMNS = STANDARD_COLUMNS.slice(1);

/** `int(contract.get('工单类型(sourceType)', 2))`; v1 aborted the run on anything else. */
function sourceType(value: PyValue, index: number, id: string, source: string): number {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value !== null && typeof value === 'object') return Math.trunc(value.v);
  if (typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value)) return Number(value);
  throw badInput(source, index + 1, COL.sourceType, `the order type must be a whole number, got ${value === null ? 'nothing' : `"${pyStr(value)}"`}.`, id);
}

/** Python set membership: None and 'None' are different addresses. */
function addressKey(value: PyValue): string {
  return typeof value === 'string' ? `s${value}` : `v${pyStr(value)}`;
}

export function processShanghaiSeptember(run: LegacyRun, source: string): LegacyRecord[] {
  const { campaign, ledger } = run;
  const cap = int(campaign.variant.legacy!.contractCap);
  const states = new Map<string, State>();
  const processed = new Set<string>();
  const seen = new Set<string>();
  const out: LegacyRecord[] = [];
  let seq = ledger.existingIds.size + 1;
  run.contracts.forEach((contract, index) => {
    const id = contractId(contract);
    if (processed.has(id)) return run.onDuplicate(id, index);
    // v1 marked only newly recorded contracts as processed, so a repeated existing contract counted twice.
    if (seen.has(id)) {
      run.onDuplicate(id, index);
      if (run.fixes.shSepDuplicateExistingCountedTwice) return;
    }
    seen.add(id);
    const type = sourceType(column(contract, COL.sourceType), index, id, source);
    const address = column(contract, COL.projectAddress);
    const key = `${text(column(contract, COL.housekeeper))}_${text(column(contract, COL.org))}`;
    const s = entry(states, key, (): State => ({
      count: 0, total: ZERO, performance: ZERO, awarded: ledger.awardLists.get(key) ?? new Set(), platformCount: 0, platformAmount: ZERO, selfCount: 0, selfAmount: ZERO, projects: new Set(),
    }));
    const amount = contractAmount(contract, index, source);
    s.count += 1;
    s.total = add(s.total, amount);
    s.performance = add(s.performance, pmin(amount, cap));
    const self = type === 1;
    if (self) {
      s.selfCount += 1;
      s.selfAmount = add(s.selfAmount, amount);
    } else {
      s.platformCount += 1;
      s.platformAmount = add(s.platformAmount, amount);
    }
    s.total = truncInt(s.total);
    s.performance = truncInt(s.performance);
    let rewards: Rewards;
    if (self) {
      const reward = legacySelfReferral(campaign.rules, addressKey(address), s.projects);
      rewards = { types: reward ? [reward.type] : [], names: reward ? [reward.name] : [], gap: SELF_REFERRAL_REMARK };
    } else {
      const view = { count: s.platformCount, total: s.platformAmount, performance: s.platformAmount, awarded: s.awarded };
      rewards = legacyRewards(campaign.rules, seq, view, amount);
    }
    if (ledger.existingIds.has(id)) return;
    const record = startRecord(campaign.variant.recordLabel ?? campaign.variant.activityCode, column(contract, COL.id), contract, RECORD_INPUT_COLUMNS)
      .set('活动期内第几个合同', int(seq))
      .set('管家累计金额', s.total)
      .set('管家累计单数', int(s.count))
      .set('奖金池', int(0))
      .set('计入业绩金额', s.performance);
    addRewardColumns(record, rewards, int(rewards.types.length ? 1 : 0), rewards.gap, run.registeredAt.datetime)
      .set('管家ID(serviceHousekeeperId)', column(contract, COL.housekeeperId))
      .set('工单类型', self ? '自引单' : '平台单')
      .set(COL.contactsAddress, column(contract, COL.contactsAddress))
      .set(COL.projectAddress, address)
      .set('平台单累计数量', int(s.platformCount))
      .set('平台单累计金额', s.platformAmount)
      .set('自引单累计数量', int(s.selfCount))
      .set('自引单累计金额', s.selfAmount);
    processed.add(id);
    out.push({ id, housekeeperKey: key, record, historical: false });
    seq += 1;
  });
  return out;
}
