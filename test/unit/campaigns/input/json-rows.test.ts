import { describe, expect, it } from 'vitest';
import { rowsFromJson } from '../../../../main/campaigns/input/json-rows.js';

describe('contract rows from JSON', () => {
  it('keeps float literals apart from ints and the column order', () => {
    const [row] = rowsFromJson('[{"合同ID(_id)": "C1", "合同金额(adjustRefundMoney)": 5000, "差额(difference)": 0.0, "x": 1e3, "ok": true, "none": null}]', 'a.json');
    expect(row).toEqual({ values: { '合同ID(_id)': 'C1', '合同金额(adjustRefundMoney)': 5000, '差额(difference)': 0, x: 1000, ok: true, none: null }, floats: ['差额(difference)', 'x'] });
    expect(Object.keys(row!.values)).toEqual(['合同ID(_id)', '合同金额(adjustRefundMoney)', '差额(difference)', 'x', 'ok', 'none']);
  });

  it('keeps 19-digit ids written as numbers as their digits', () => {
    const [row] = rowsFromJson('[{"_id": 4094726635973593636}]', 'a.json');
    expect(row!.values['_id']).toBe('4094726635973593636');
  });

  it('names the file and line of a syntax error', () => {
    expect(() => rowsFromJson('[\n{"a": 1,}\n]', 'batch.json')).toThrow(/batch.json is not valid JSON: expected a key at line 2/);
  });

  it('names the row and column of a value that is not a single value', () => {
    expect(() => rowsFromJson('[{"a": 1}, {"a": [1, 2]}]', 'batch.json')).toThrow(/batch.json: row 2, column a holds a list or an object/);
    expect(() => rowsFromJson('[1]', 'batch.json')).toThrow(/row 1 is not an object/);
    expect(() => rowsFromJson('{"a": 1}', 'batch.json')).toThrow(/must hold a JSON list/);
  });
});
