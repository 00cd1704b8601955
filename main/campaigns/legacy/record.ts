import { RecordBuilder } from '../rules/py.js';
import type { PyValue } from '../rules/py.js';
import type { Rewards } from '../rules/rewards.js';
import type { LegacyContract } from './types.js';

/** The parts every legacy record shares: its head (label, id, input columns) and its reward tail. */

export function startRecord(label: string, id: PyValue, contract: LegacyContract, columns: readonly string[]): RecordBuilder {
  const record = new RecordBuilder().set('活动编号', label).set('合同ID(_id)', id);
  for (const name of columns) record.set(name, contract.get(name) ?? null);
  return record;
}

/** `激活奖励状态` … `登记时间` in v1's order; `active` is an int or, in BJ September, a string. */
export function addRewardColumns(record: RecordBuilder, rewards: Rewards, active: PyValue, remark: string, registeredAt: string): RecordBuilder {
  return record
    .set('激活奖励状态', active)
    .set('奖励类型', rewards.types.join(', '))
    .set('奖励名称', rewards.names.join(', '))
    .set('是否发送通知', 'N')
    .set('备注', remark)
    .set('登记时间', registeredAt);
}

/** The map's entry for `key`, created by `init` on first sight (v1's "if key not in state: initialise"). */
export function entry<K, V>(map: Map<K, V>, key: K, init: () => V): V {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = init()));
  return value;
}
