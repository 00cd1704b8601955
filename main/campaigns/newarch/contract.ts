import { HeraldError } from '../../shared/errors.js';
import type { ContractRow } from '../input/contract-row.js';
import { PyRow } from '../input/contract-row.js';
import { COL } from '../input/columns.js';
import { valueToFloat } from '../rules/format.js';
import type { PyNum, PyValue } from '../rules/py.js';
import { float, pyStr, truthy } from '../rules/py.js';
import type { OrderType } from '../rules/rewards.js';

/** `ContractData.from_dict` of the new architecture: the typed view of one input row. */
export interface DbContract {
  id: string;
  housekeeper: PyValue;
  serviceProvider: PyValue;
  amount: PyNum;
  paid: PyNum;
  projectId: string;
  orderType: OrderType;
  /** Truthiness of `is_historical` / `是否历史合同` (a string `'N'` counts, as in v1). */
  rawHistorical: boolean;
  /** `float(row['计入业绩金额'])` where present (the performance broadcast's per-contract amount). */
  reportedPerformance: PyNum | undefined;
  raw: PyRow;
}

function fail(source: string, index: number, column: string, problem: string, id?: string): never {
  const which = id ? ` (contract ${id})` : '';
  throw new HeraldError('CAMPAIGN_BAD_INPUT', `${source}, row ${index + 1}${which}, column ${column}: ${problem}`, { source, row: index + 1, column, contractId: id });
}

function amountOf(raw: PyRow, column: string, index: number, source: string, id: string, required: boolean): PyNum {
  const value = raw.get(column);
  if (value === undefined && !required) return float(0);
  if (value === undefined) fail(source, index, column, 'the column is missing.', id);
  const n = valueToFloat(value);
  if (n === null) fail(source, index, column, value === null || value === '' ? 'the amount is empty.' : `the amount is not a number: "${pyStr(value)}".`, id);
  return float(n);
}

/** `str(row.get('工单类型(sourceType)', 2))`: what the source-type filter and the order type compare. */
export function sourceTypeText(raw: PyRow): string {
  const v = raw.get(COL.sourceType);
  return v === undefined ? '2' : pyStr(v);
}

export interface DbContractOptions {
  /** The performance broadcast counts the source's `计入业绩金额`, which must then be a number. */
  reportedPerformance: boolean;
  /** Fix: only an explicit yes (`true`, `'Y'`, `1`) marks a contract historical, not any non-empty text. */
  strictHistoricalFlag: boolean;
}

export function dbContract(row: ContractRow, index: number, source: string, options: DbContractOptions): DbContract {
  const raw = new PyRow(row);
  const idValue = raw.get(COL.id);
  if (idValue === undefined || idValue === null || pyStr(idValue) === '') fail(source, index, COL.id, 'the contract id is missing.');
  const id = pyStr(idValue);
  if (!raw.has(COL.housekeeper)) fail(source, index, COL.housekeeper, 'the column is missing.', id);
  const historicalFlag = raw.get('is_historical') ?? raw.get('是否历史合同');
  const rawHistorical = options.strictHistoricalFlag
    ? historicalFlag === true || historicalFlag === 'Y' || (typeof historicalFlag === 'object' && historicalFlag !== null && historicalFlag.v === 1)
    : truthy(raw.get('is_historical')) || truthy(raw.get('是否历史合同'));
  const workOrder = raw.get(COL.workOrder);
  return {
    id,
    housekeeper: raw.get(COL.housekeeper) ?? '',
    serviceProvider: raw.get(COL.org) ?? '',
    amount: amountOf(raw, COL.amount, index, source, id, true),
    paid: amountOf(raw, COL.paid, index, source, id, false),
    projectId: workOrder === undefined || workOrder === null ? '' : pyStr(workOrder),
    orderType: sourceTypeText(raw) === '1' ? 'self_referral' : 'platform',
    rawHistorical,
    reportedPerformance: options.reportedPerformance ? amountOf(raw, COL.performance, index, source, id, true) : undefined,
    raw,
  };
}
