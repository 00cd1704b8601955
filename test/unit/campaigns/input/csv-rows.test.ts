import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rowsFromCsv } from '../../../../main/campaigns/input/csv-rows.js';
import { fixturePath } from '../../../helpers/fixtures.js';

describe('contract rows from CSV', () => {
  it("reads v1's ContractData CSV with its Chinese headers, every value as text", () => {
    const rows = rowsFromCsv(fs.readFileSync(fixturePath('repo-tests', 'ContractData-SH-May_01.csv'), 'utf8'), 'ContractData-SH-May_01.csv');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.values['合同ID(_id)']).toBe('6997900857389134380');
    expect(rows[0]!.values['合同金额(adjustRefundMoney)']).toBe('2000.0');
    expect(rows[1]!.values['管家(serviceHousekeeper)']).toBe('王洪兵');
  });

  it('skips a byte-order mark and names the file and line of a malformed row', () => {
    expect(rowsFromCsv('\uFEFFa,b\n1,2\n', 'x.csv')).toEqual([{ values: { a: '1', b: '2' } }]);
    expect(() => rowsFromCsv('a,b\n1,2\n3,4,5\n', 'bad.csv')).toThrow(/bad.csv is not a readable CSV file/);
  });
});
