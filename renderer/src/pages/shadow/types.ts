import type { MethodOutput } from '../../../../main/api/contract/index.js';

export type ShadowJob = MethodOutput<'shadow.jobs'>['jobs'][number];
export type ShadowRun = MethodOutput<'shadow.runs'>['runs'][number];
export type ShadowDiff = NonNullable<MethodOutput<'shadow.diff'>['diff']>;
export type Mode = ShadowJob['mode'];

export const modeColor: Record<Mode, string> = { control: 'default', shadow: 'blue', candidate: 'green' };

export const ratio = (v: number | null | undefined) => (v === null || v === undefined ? '-' : `${v.toFixed(2)}×`);
export const percent = (v: number | null | undefined) => (v === null || v === undefined ? '-' : `${(v * 100).toFixed(v === 1 || v === 0 ? 0 : 1)}%`);

/** A field value as the diff viewer shows it. */
export function showValue(v: unknown): string {
  if (v === null || v === undefined) return '∅';
  if (typeof v === 'string') return v === '' ? '""' : v;
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}
