import { describe, expect, it } from 'vitest';
import { pandasColumnText } from '../../../../main/campaigns/rules/pandas.js';
import { float, int } from '../../../../main/campaigns/rules/py.js';

describe("pandas' CSV text of a column", () => {
  it('writes an all-int column as ints', () => {
    expect(pandasColumnText([int(5000), int(12000)])).toEqual(['5000', '12000']);
  });
  it('writes the whole column as floats once one value is a float or missing', () => {
    expect(pandasColumnText([int(5000), float(9999.5)])).toEqual(['5000.0', '9999.5']);
    expect(pandasColumnText([int(5000), null])).toEqual(['5000.0', '']);
  });
  it('writes mixed kinds value by value', () => {
    expect(pandasColumnText(['GD1', int(7), float(1), null, true])).toEqual(['GD1', '7', '1.0', '', 'True']);
  });
  it('writes booleans and empty columns', () => {
    expect(pandasColumnText([true, false])).toEqual(['True', 'False']);
    expect(pandasColumnText([null, undefined])).toEqual(['', '']);
  });
});
