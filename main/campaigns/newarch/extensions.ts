import type { RecordBuilder, Scalar } from '../rules/py.js';
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

const keyLiterals = new Map<string, string>();
function keyLiteral(key: string): string {
  let literal = keyLiterals.get(key);
  if (literal === undefined) keyLiterals.set(key, (literal = `${pyJsonString(key)}: `));
  return literal;
}

function valueLiteral(value: Scalar, isFloat: boolean): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return pyJsonString(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return isFloat ? floatRepr(value) : String(value);
}

/** `json.dumps` of a record's fields, leaving out `skip`. */
export function pyJsonRecord(record: RecordBuilder, skip: ReadonlySet<string> = new Set()): string {
  let out = '';
  record.forEach((key, value, isFloat) => {
    if (skip.has(key)) return;
    out += (out ? ', ' : '{') + keyLiteral(key) + valueLiteral(value, isFloat);
  });
  return out ? `${out}}` : '{}';
}

export function extensionsJson(record: RecordBuilder): string {
  return pyJsonRecord(record, NATIVE_COLUMNS);
}
