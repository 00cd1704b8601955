import { describe, expect, it } from 'vitest';
import { lineAndColumn, parseJson } from '../../../main/sources/json.js';
import { HeraldError } from '../../../main/shared/errors.js';

describe('lossless JSON', () => {
  it('keeps integers beyond 2^53 as their exact digits and everything else as JSON.parse would', () => {
    const text = '{"ids": [6997900857389134380, -9007199254740993, 9007199254740991], "amount": 30000.0, "rate": 0.6666666666666666, "s": "12345678901234567890"}';
    expect(parseJson(text, {})).toEqual({ ids: ['6997900857389134380', '-9007199254740993', 9007199254740991], amount: 30000, rate: 0.6666666666666666, s: '12345678901234567890' });
    expect(parseJson('\ufeff[1.5e300, 2]', {})).toEqual([1.5e300, 2]);
  });

  it('reports where the text stops being JSON, naming the source', () => {
    let error: unknown;
    try {
      parseJson('{\n  "a": [1, 2,,]\n}', { card: 1514, server: 'http://mb:3000' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(HeraldError);
    expect((error as HeraldError).message).toMatch(/^Card 1514 on http:\/\/mb:3000 is not valid JSON \(line 2, column 14\): /);
    expect((error as HeraldError).context).toEqual({ card: 1514, server: 'http://mb:3000', line: 2, column: 14 });
  });

  it('counts lines and columns from 1', () => {
    expect(lineAndColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});
