import { describe, expect, it } from 'vitest';
import { jsonPieces } from '../../../main/jobs/json-pieces.js';

const joined = (value: unknown) => [...jsonPieces(value)].join('');

describe('jsonPieces', () => {
  it('joins to exactly JSON.stringify’s text for rows, nested objects and the values JSON changes or leaves out', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => ({ id: `C${i}`, amount: i / 3, at: new Date(Date.UTC(2025, 5, 1, 0, 0, i)), skip: undefined, nan: Number.NaN, list: [1, undefined, 'x'] }));
    const values: unknown[] = [
      { rows },
      rows,
      { columns: ['a', 'b'], rows: rows.map((r) => [r.id, r.amount]), meta: { card: 1707, nested: { big: rows.slice(0, 300), none: undefined, fn: () => 1 } } },
      { empty: {}, emptyList: [], only: undefined },
      [],
      {},
      'text "quoted"\n',
      42,
      null,
      true,
      { when: { toJSON: () => undefined }, kept: 1 },
      Object.assign(Object.create(null) as object, { a: 1 }),
    ];
    for (const value of values) expect(joined(value)).toBe(JSON.stringify(value));
  });

  it('cuts a big array into many pieces, none of them the whole text', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => ({ id: i }));
    const pieces = [...jsonPieces({ rows })];
    expect(pieces.length).toBeGreaterThan(10);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(JSON.stringify(rows).length / 10);
  });

  it('gives nothing for a value JSON cannot hold', () => {
    expect([...jsonPieces(undefined)]).toEqual([]);
    expect([...jsonPieces(() => 1)]).toEqual([]);
  });
});
