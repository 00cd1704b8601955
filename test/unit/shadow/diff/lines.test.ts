import { describe, expect, it } from 'vitest';
import { diffLines } from '../../../../main/shadow/diff/lines.js';

/** Rebuilds both texts from an edit script: a correct script reproduces them exactly. */
function sides(ops: ReturnType<typeof diffLines>) {
  return {
    control: ops.filter((o) => o.op !== 'insert').map((o) => o.text).join('\n'),
    candidate: ops.filter((o) => o.op !== 'delete').map((o) => o.text).join('\n'),
    edits: ops.filter((o) => o.op !== 'equal').length,
  };
}

describe('line diff', () => {
  it('marks one changed line as a delete and an insert between equal lines', () => {
    const ops = diffLines('a\nb\nc', 'a\nB\nc');
    expect(ops).toEqual([
      { op: 'equal', text: 'a' },
      { op: 'delete', text: 'b' },
      { op: 'insert', text: 'B' },
      { op: 'equal', text: 'c' },
    ]);
  });

  it('handles identical, empty and completely different texts', () => {
    expect(diffLines('x\ny', 'x\ny')).toEqual([
      { op: 'equal', text: 'x' },
      { op: 'equal', text: 'y' },
    ]);
    expect(sides(diffLines('', 'a\nb'))).toEqual({ control: '', candidate: 'a\nb', edits: 3 });
    expect(sides(diffLines('a\nb', 'c\nd'))).toEqual({ control: 'a\nb', candidate: 'c\nd', edits: 4 });
  });

  it('finds a shortest edit script: an inserted line costs one edit', () => {
    const control = '🧨 签约喜报\n恭喜 王五\n\n👊 还需 4 单。\n';
    const candidate = '🧨 签约喜报\n恭喜 王五\n🌻 新的一行\n\n👊 还需 4 单。\n';
    const result = sides(diffLines(control, candidate));
    expect(result).toEqual({ control, candidate, edits: 1 });
  });

  it('reproduces both sides for many random texts with a minimal number of edits', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const text = () => Array.from({ length: Math.floor(rand() * 8) }, () => 'abc'[Math.floor(rand() * 3)]).join('\n');
    for (let i = 0; i < 200; i++) {
      const a = text();
      const b = text();
      const r = sides(diffLines(a, b));
      expect(r.control).toBe(a);
      expect(r.candidate).toBe(b);
      // Minimal: edits = |a| + |b| - 2·LCS(a, b), LCS computed independently by dynamic programming.
      const x = a.split('\n');
      const y = b.split('\n');
      const lcs = Array.from({ length: x.length + 1 }, () => new Array<number>(y.length + 1).fill(0));
      for (let p = 1; p <= x.length; p++) for (let q = 1; q <= y.length; q++) lcs[p]![q] = x[p - 1] === y[q - 1] ? lcs[p - 1]![q - 1]! + 1 : Math.max(lcs[p - 1]![q]!, lcs[p]![q - 1]!);
      expect(r.edits).toBe(x.length + y.length - 2 * lcs[x.length]![y.length]!);
    }
  });
});
