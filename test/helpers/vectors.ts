import fs from 'node:fs';
import path from 'node:path';
import { FIXTURES } from './fixtures.js';

/**
 * Reads the tables of the shared `v1-vectors.md` in place, so test cases come straight from the
 * specification (never retyped): a table is found by the text of its header row.
 */
export const VECTORS_FILE = path.join(FIXTURES, '..', 'v1-vectors.md');

let cache: string[] | undefined;
function lines(): string[] {
  cache ??= fs.readFileSync(VECTORS_FILE, 'utf8').split('\n');
  return cache;
}

function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((c) => c.trim());
}

/** Strips the back-ticks around a cell (`` `x` `` → `x`); an empty pair is the empty string. */
export function unquote(cell: string): string {
  const m = /^`(.*)`$/.exec(cell);
  return m ? m[1]! : cell;
}

/** The body rows of the first table (after `afterHeading`, if given) whose header row starts with `headerStart`. */
export function vectorTable(headerStart: string, afterHeading?: string): string[][] {
  const all = lines();
  let from = 0;
  if (afterHeading) {
    from = all.findIndex((l) => l.startsWith('#') && l.includes(afterHeading));
    if (from < 0) throw new Error(`No heading "${afterHeading}" in v1-vectors.md`);
  }
  const start = all.findIndex((l, i) => i >= from && l.startsWith('|') && l.includes(headerStart));
  if (start < 0) throw new Error(`No table starting with "${headerStart}" in v1-vectors.md`);
  const rows: string[][] = [];
  for (let i = start + 2; i < all.length && all[i]!.startsWith('|'); i += 1) rows.push(cells(all[i]!));
  return rows;
}

/** The code blocks (verbatim message texts) between a heading and the next heading of the same level. */
export function vectorMessages(heading: string): Array<{ label: string; text: string }> {
  const all = lines();
  const start = all.findIndex((l) => l.startsWith('#') && l.includes(heading));
  if (start < 0) throw new Error(`No heading "${heading}" in v1-vectors.md`);
  const level = /^#+/.exec(all[start]!)![0].length;
  const out: Array<{ label: string; text: string }> = [];
  let label = '';
  for (let i = start + 1; i < all.length; i += 1) {
    const l = all[i]!;
    const m = /^#+/.exec(l);
    if (m && m[0].length <= level) break;
    if (l.startsWith('```')) {
      const body: string[] = [];
      for (i += 1; i < all.length && !all[i]!.startsWith('```'); i += 1) body.push(all[i]!);
      out.push({ label, text: body.join('\n') });
    } else if (l.trim()) label = l.trim();
  }
  return out;
}
