import { shanghaiDateTime } from '../shared/shanghai-time.js';

/** How the CLI shows things: office time (Asia/Shanghai), aligned tables, JSON on request. */

export function shownTime(iso: string | null | undefined): string {
  return iso ? shanghaiDateTime(Date.parse(iso)) : '—';
}

/** Columns padded to their widest cell (CJK characters count double, as a terminal shows them). */
export function table(rows: readonly (readonly string[])[]): string {
  const width = (s: string) => [...s].reduce((n, ch) => n + (/[\u1100-\uFFFF]/.test(ch) && !/[\u2000-\u206F]/.test(ch) ? 2 : 1), 0);
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, width(cell))));
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - width(cell)))).join('  ').trimEnd()).join('\n');
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
