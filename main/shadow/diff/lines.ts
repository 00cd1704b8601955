import type { LineOp } from './types.js';

/**
 * Line-level diff of two texts (Myers' O(ND) algorithm): the shortest edit script, as runs of
 * equal, deleted (control only) and inserted (candidate only) lines.
 */
export function diffLines(control: string, candidate: string): LineOp[] {
  const a = control.split('\n');
  const b = candidate.split('\n');
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  // Walk the trace back from (n, m) to (0, 0), collecting the edit script in reverse.
  const ops: LineOp[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[offset + k - 1]! < vd[offset + k + 1]!) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : vd[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      ops.push({ op: 'equal', text: a[x]! });
    }
    if (d > 0) {
      if (x === prevX) ops.push({ op: 'insert', text: b[--y]! });
      else ops.push({ op: 'delete', text: a[--x]! });
    }
  }
  return ops.reverse();
}
