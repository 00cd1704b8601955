import { add, float, ZERO, ZERO_F, parsePyFloat } from '../rules/py.js';
import type { PyNum } from '../rules/py.js';
import type { HousekeeperBaseline, LedgerRow, LedgerState } from './types.js';

/** `float(row.get(col, 0))` of a ledger cell; an unparsable cell counts as 0 (v1 caught and logged it). */
function cellFloat(row: LedgerRow, column: string): PyNum {
  const n = parsePyFloat(row[column] ?? '0');
  return float(n ?? 0);
}

/** How v1 keyed its award lists: Beijing by name, Shanghai by `name_provider`. */
export function ledgerKey(row: LedgerRow, city: 'BJ' | 'SH'): string {
  const name = row['管家(serviceHousekeeper)'] ?? '';
  return city === 'SH' ? `${name}_${row['服务商(orgName)'] ?? ''}` : name;
}

export function deriveLedgerState(rows: readonly LedgerRow[], city: 'BJ' | 'SH'): LedgerState {
  const existingIds = new Set<string>();
  const awardLists = new Map<string, Set<string>>();
  const baselines = new Map<string, HousekeeperBaseline>();
  const projectTotals = new Map<string, PyNum>();
  const newContractRows: LedgerRow[] = [];
  for (const row of rows) {
    existingIds.add((row['合同ID(_id)'] ?? '').trim());
    const key = ledgerKey(row, city);
    let awards = awardLists.get(key);
    if (!awards) awardLists.set(key, (awards = new Set()));
    const names = row['奖励名称'] ?? '';
    if (names) for (const n of names.split(', ')) awards.add(n);
    const workOrder = (row['工单编号(serviceAppointmentNum)'] ?? '').trim();
    if (workOrder) projectTotals.set(workOrder, add(projectTotals.get(workOrder) ?? ZERO, cellFloat(row, '计入业绩金额')));
    if (row['是否历史合同'] === 'Y') continue;
    newContractRows.push(row);
    const housekeeper = (row['管家(serviceHousekeeper)'] ?? '').trim();
    if (!housekeeper) continue;
    const b = baselines.get(housekeeper) ?? { count: 0, total: ZERO_F, performance: ZERO_F };
    baselines.set(housekeeper, {
      count: b.count + 1,
      total: add(b.total, cellFloat(row, '合同金额(adjustRefundMoney)')),
      performance: add(b.performance, cellFloat(row, '计入业绩金额')),
    });
  }
  return { existingIds, awardLists, nonHistoricalCount: newContractRows.length, baselines, projectTotals, newContractRows };
}
