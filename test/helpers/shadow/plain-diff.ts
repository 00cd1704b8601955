import type { DiffSide } from '../../../main/shadow/diff/index.js';

/**
 * An independent, deliberately plain comparison with shadow mode's default rules (spec §6): every
 * field but the timestamps and `_…` fields, numbers and numeric strings within 0.01, strings
 * trimmed, empty = missing; messages by position, text for text. Tests compare Herald's diff
 * with this one computed from v1's own outputs — never from Herald's.
 */
export interface PlainDifference {
  key: string;
  field: string;
  control: unknown;
  candidate: unknown;
}

export interface PlainOptions {
  /** Only these fields count. */
  fields?: string[];
  /** A field one side never has: compared (`differ`) or left out (`ignore`). */
  oneSided: 'differ' | 'ignore';
}

const IGNORED = ['登记时间', 'created_at', 'updated_at'];
const counts = (f: string) => !IGNORED.includes(f) && !f.startsWith('_');

function plainEqual(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'string' ? v.trim() : v);
  const x = norm(a);
  const y = norm(b);
  const num = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? parseFloat(v) : undefined);
  if (x === '' || y === '') return x === y;
  const nx = num(x);
  const ny = num(y);
  if (nx !== undefined && ny !== undefined) return Math.abs(nx - ny) <= 0.01 + 1e-9;
  return typeof x === 'object' || typeof y === 'object' ? JSON.stringify(x) === JSON.stringify(y) : String(x) === String(y);
}

export function plainDiff(control: DiffSide, candidate: DiffSide, options: PlainOptions) {
  const schemaOf = (s: DiffSide) => new Set(s.records.flatMap((r) => Object.keys(r.fields)));
  const cs = schemaOf(control);
  const ks = schemaOf(candidate);
  const byKey = new Map(candidate.records.map((r) => [r.key, r]));
  const differences: PlainDifference[] = [];
  const onlyInControl: string[] = [];
  for (const c of control.records) {
    const k = byKey.get(c.key);
    byKey.delete(c.key);
    if (!k) {
      onlyInControl.push(c.key);
      continue;
    }
    const fields = options.fields ?? [...new Set([...Object.keys(c.fields), ...Object.keys(k.fields)])];
    for (const f of fields) {
      if (!counts(f)) continue;
      if (options.oneSided === 'ignore' && !(cs.has(f) && ks.has(f))) continue;
      if (!plainEqual(c.fields[f], k.fields[f])) differences.push({ key: c.key, field: f, control: c.fields[f] ?? null, candidate: k.fields[f] ?? null });
    }
  }
  const messages: Array<{ control: string | null; candidate: string | null }> = [];
  let equalMessages = 0;
  for (let i = 0; i < Math.max(control.messages.length, candidate.messages.length); i++) {
    const a = control.messages[i]?.text ?? null;
    const b = candidate.messages[i]?.text ?? null;
    if (a !== b) messages.push({ control: a, candidate: b });
    else equalMessages += 1;
  }
  return { differences, onlyInControl, onlyInCandidate: [...byKey.keys()], messages, equalMessages };
}

/** Differences in a stable order, for comparing two lists. */
export function ordered(list: PlainDifference[]): PlainDifference[] {
  return [...list].sort((a, b) => `${a.key}\u0000${a.field}`.localeCompare(`${b.key}\u0000${b.field}`));
}
