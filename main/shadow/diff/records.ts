import { isIgnoredField, type DiffRules } from './rules.js';
import type { DiffRecord, FieldDifference } from './types.js';
import { valuesEqual } from './values.js';

/** Field names used by any record of a side. */
export function fieldsOf(records: readonly DiffRecord[]): Set<string> {
  const names = new Set<string>();
  for (const r of records) for (const f of Object.keys(r.fields)) names.add(f);
  return names;
}

/**
 * Which fields count for a pair: the rule's list, or every field either record has; minus ignored
 * ones and, under `fieldsOnOneSide: 'ignore'`, those the other side never has.
 */
export function comparedFields(
  control: DiffRecord,
  candidate: DiffRecord,
  rules: DiffRules,
  schema: { control: Set<string>; candidate: Set<string> },
): string[] {
  const names = rules.fields ?? [...new Set([...Object.keys(control.fields), ...Object.keys(candidate.fields)])];
  return names.filter((f) => {
    if (isIgnoredField(f, rules)) return false;
    if (rules.fieldsOnOneSide === 'ignore' && !(schema.control.has(f) && schema.candidate.has(f))) return false;
    return true;
  });
}

export function compareRecordFields(control: DiffRecord, candidate: DiffRecord, fields: readonly string[], rules: DiffRules): FieldDifference[] {
  const out: FieldDifference[] = [];
  for (const field of fields) {
    const a = control.fields[field];
    const b = candidate.fields[field];
    if (!valuesEqual(a, b, rules, rules.listFields.includes(field))) out.push({ field, control: a ?? null, candidate: b ?? null });
  }
  return out;
}
