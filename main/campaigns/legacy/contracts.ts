import { HeraldError } from '../../shared/errors.js';
import type { ContractRow } from '../input/contract-row.js';
import { PyRow } from '../input/contract-row.js';
import { COL, LEGACY_COLUMNS } from '../input/columns.js';
import { valueToFloat } from '../rules/format.js';
import { pandasColumnText } from '../rules/pandas.js';
import type { PyNum, PyValue } from '../rules/py.js';
import { float, pyStr } from '../rules/py.js';
import type { LegacyContract } from './types.js';

/**
 * Turns input rows into what v1's legacy functions received: the card's positional columns, written
 * to CSV by pandas and read back as text — or, for SH September, the row mapped straight into a dict.
 */

export function badInput(source: string, row: number, column: string, problem: string, contractId?: string): HeraldError {
  const which = contractId ? ` (contract ${contractId})` : '';
  return new HeraldError('CAMPAIGN_BAD_INPUT', `${source}, row ${row}${which}, column ${column}: ${problem}`, { source, row, column, contractId });
}

export function legacyContracts(rows: readonly ContractRow[], columns: keyof typeof LEGACY_COLUMNS, typed: boolean, source: string): LegacyContract[] {
  const names = LEGACY_COLUMNS[columns];
  const pyRows = rows.map((r) => new PyRow(r));
  pyRows.forEach((row, i) => {
    for (const name of names) {
      if (!row.has(name)) throw badInput(source, i + 1, name, 'the column is missing (this campaign reads ' + names.length + ' columns).', idOf(row));
    }
  });
  const columnsOf = new Map<string, readonly PyValue[]>(
    names.map((n) => {
      const values = pyRows.map((r) => r.get(n) ?? null);
      return [n, typed ? values : pandasColumnText(values)];
    }),
  );
  return pyRows.map((_, i) => new ColumnView(columnsOf, i));
}

/** One contract of the batch, read from the batch's column arrays (no per-contract copy). */
class ColumnView implements LegacyContract {
  constructor(
    private readonly columns: ReadonlyMap<string, readonly PyValue[]>,
    private readonly index: number,
  ) {}

  get(column: string): PyValue | undefined {
    return this.columns.get(column)?.[this.index];
  }
}

function idOf(row: PyRow): string | undefined {
  const v = row.get(COL.id);
  return v === undefined || v === null ? undefined : pyStr(v);
}

/** `str(contract['合同ID(_id)'])`. */
export function contractId(contract: LegacyContract): string {
  return pyStr(contract.get(COL.id) ?? null);
}

/** `float(contract['合同金额(adjustRefundMoney)'])`, refusing what Python's `float()` refuses. */
export function contractAmount(contract: LegacyContract, index: number, source: string): PyNum {
  const value = contract.get(COL.amount);
  const n = valueToFloat(value);
  if (n === null) {
    const shown = value === undefined || value === null || value === '' ? 'is empty' : `is not a number: "${pyStr(value)}"`;
    throw badInput(source, index + 1, COL.amount, `the amount ${shown}.`, contractId(contract));
  }
  return float(n);
}

/** Text of a column as the legacy function used it (`contract[col]`), the value itself for typed rows. */
export function column(contract: LegacyContract, name: string): PyValue {
  return contract.get(name) ?? null;
}
