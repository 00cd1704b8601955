import type { DiffRules } from './rules.js';

const NUMERIC = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
/** Binary floating point: 0.01 apart in decimal may be 0.010000000001 apart in doubles. */
const EPSILON = 1e-9;

type Normalised = { kind: 'empty' } | { kind: 'number'; value: number } | { kind: 'text'; value: string };

function normaliseText(text: string, rules: DiffRules): string {
  let s = rules.trim ? text.trim() : text;
  if (rules.collapseWhitespace) s = s.replace(/\s+/g, ' ');
  return s;
}

/** Stable text for objects and arrays: keys sorted, so field order never makes a difference. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * What a value means for the comparison: null, undefined and the empty string are all "empty";
 * finite numbers and numeric strings are numbers; everything else is text.
 */
export function normalise(value: unknown, rules: DiffRules, listField = false): Normalised {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'number') return Number.isFinite(value) ? { kind: 'number', value } : { kind: 'text', value: String(value) };
  if (typeof value === 'string') {
    const s = normaliseText(value, rules);
    if (s === '') return { kind: 'empty' };
    if (NUMERIC.test(s)) return { kind: 'number', value: Number(s) };
    if (listField) return { kind: 'text', value: s.split(',').map((item) => normaliseText(item, { ...rules, trim: true })).join(',') };
    return { kind: 'text', value: s };
  }
  if (typeof value === 'boolean' || typeof value === 'bigint') return { kind: 'text', value: String(value) };
  return { kind: 'text', value: stableJson(value) };
}

export function valuesEqual(a: unknown, b: unknown, rules: DiffRules, listField = false): boolean {
  const x = normalise(a, rules, listField);
  const y = normalise(b, rules, listField);
  if (x.kind === 'empty' || y.kind === 'empty') return x.kind === y.kind;
  if (x.kind === 'number' && y.kind === 'number') return Math.abs(x.value - y.value) <= rules.tolerance + EPSILON;
  return String(x.value) === String(y.value);
}
