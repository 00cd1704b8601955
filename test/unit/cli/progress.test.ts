import { describe, expect, it } from 'vitest';
import { createProgress } from '../../../main/cli/progress.js';

function stream(isTTY: boolean) {
  const writes: string[] = [];
  return { isTTY, columns: 80, writes, write: (t: string) => writes.push(t) };
}

describe('createProgress', () => {
  it('shows nothing for work done within the first second', () => {
    const s = stream(true);
    let now = 0;
    const p = createProgress('replay', s, () => now);
    p.update(1, 10);
    now = 900;
    p.update(9, 10);
    p.finish();
    expect(s.writes).toEqual([]);
  });

  it('on a terminal: one line redrawn in place with a bar, cleared at the end', () => {
    const s = stream(true);
    let now = 0;
    const p = createProgress('replay', s, () => now);
    now = 1500;
    p.update(5, 10, 'reading');
    now = 1510;
    p.update(6, 10);
    now = 1600;
    p.update(10, 10);
    p.finish('done');
    expect(s.writes).toEqual([
      '\rreplay [############............]  50% 5/10 reading\u001b[K',
      '\rreplay [########################] 100% 10/10\u001b[K',
      '\r\u001b[K',
      'done\n',
    ]);
  });

  it('elsewhere: plain lines, at most one per tenth of the work', () => {
    const s = stream(false);
    let now = 0;
    const p = createProgress('import-v1', s, () => now);
    now = 2000;
    for (let i = 0; i <= 20; i += 1) p.update(i, 20);
    expect(s.writes).toHaveLength(11);
    expect(s.writes[0]).toBe('import-v1: 0/20 (0%)\n');
    expect(s.writes.at(-1)).toBe('import-v1: 20/20 (100%)\n');
  });
});
