import type { PyRecord, RecordBuilder } from '../rules/py.js';
import { floatRepr } from '../rules/py.js';

/**
 * Python's `json.dumps(value, ensure_ascii=False)` of a record: `", "` and `": "` separators, floats
 * with their repr (`15000.0`), non-ASCII kept. v1 stored each row's record dict this way in
 * `performance_data.extensions`, minus the columns the table keeps natively.
 */

const NATIVE_COLUMNS = new Set([
  '合同ID(_id)', '管家(serviceHousekeeper)', '服务商(orgName)', '合同金额(adjustRefundMoney)', '活动期内第几个合同', '激活奖励状态', '奖励类型', '奖励名称', '是否发送通知',
]);

/** A JSON string literal as Python writes it with `ensure_ascii=False` (the same escapes as JSON.stringify). */
export function pyJsonString(s: string): string {
  return JSON.stringify(s);
}

export function pyJsonRecord(record: PyRecord, skip: ReadonlySet<string> = new Set()): string {
  const floats = new Set(record.floatFields);
  const parts: string[] = [];
  for (const [k, v] of Object.entries(record.fields)) {
    if (skip.has(k)) continue;
    let text: string;
    if (v === null) text = 'null';
    else if (typeof v === 'string') text = pyJsonString(v);
    else if (typeof v === 'boolean') text = v ? 'true' : 'false';
    else text = floats.has(k) ? floatRepr(v) : String(v);
    parts.push(`${pyJsonString(k)}: ${text}`);
  }
  return `{${parts.join(', ')}}`;
}

export function extensionsJson(record: RecordBuilder): string {
  return pyJsonRecord(record.build(), NATIVE_COLUMNS);
}
