import type { MethodOutput } from '../../../../../main/api/contract/index.js';

/** A campaign's editable configuration as the API gives it, and the form's shape of it. */
export type Settings = MethodOutput<'campaigns.config.get'>['settings'];
export type FormValues = Omit<Settings, 'awardsMapping'> & { awardsList: Array<{ name: string; amount: string }> };

export function toForm(settings: Settings): FormValues {
  const { awardsMapping, ...rest } = structuredClone(settings);
  return { ...rest, awardsList: Object.entries(awardsMapping).map(([name, amount]) => ({ name, amount })) };
}

/**
 * Cleared number fields come back as null; a key that the loaded document did not have is dropped
 * again (the schema reads "absent", not null), one it had keeps the person's value.
 */
function prune(value: unknown, original: unknown): unknown {
  if (Array.isArray(value)) return value.map((v, i) => prune(v, Array.isArray(original) ? original[i] : undefined));
  if (typeof value !== 'object' || value === null) return value;
  const before = (typeof original === 'object' && original !== null ? original : {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if ((v === null || v === undefined) && before[k] === undefined) continue;
    out[k] = prune(v, before[k]);
  }
  return out;
}

/** The document to save: the form's values (all of them, also those no field shows) in the API's shape. */
export function fromForm(values: FormValues, loaded: Settings): unknown {
  const { awardsList, ...rest } = values;
  const awardsMapping = Object.fromEntries((awardsList ?? []).filter((a) => a?.name).map((a) => [a.name, String(a.amount ?? '')]));
  return prune({ ...rest, awardsMapping }, loaded);
}
