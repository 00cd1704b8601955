import { z } from 'zod';

/**
 * Per-job comparison rules. The defaults are v1's (spec §6): every field counts except the
 * timestamps and the pipelines' private `_…` fields, numbers (and numeric strings) equal within
 * 0.01, strings compared after trimming.
 */
export const DiffRulesSchema = z.object({
  /** Only these fields count; absent = every field of either side (minus the ignored ones). */
  fields: z.array(z.string().min(1)).optional(),
  ignoreFields: z.array(z.string().min(1)).default(['登记时间', 'created_at', 'updated_at']),
  ignorePrefixes: z.array(z.string().min(1)).default(['_']),
  /** Absolute tolerance for numbers and numeric strings. */
  tolerance: z.number().min(0).max(1e9).default(0.01),
  trim: z.boolean().default(true),
  /** Runs of whitespace inside strings count as one space. */
  collapseWhitespace: z.boolean().default(false),
  /** Fields holding comma-separated lists (`节节高, 节节高`): items compared after trimming. */
  listFields: z.array(z.string().min(1)).default([]),
  /**
   * A field no record of the other side has at all (a schema difference, e.g. v1's `奖金池`):
   * `differ` compares it like any other (missing = empty), `ignore` leaves it out and only lists it.
   */
  fieldsOnOneSide: z.enum(['differ', 'ignore']).default('differ'),
  /** Messages: v1 compared texts only; recipients are shown either way. */
  compareRecipients: z.boolean().default(false),
  /** How many differing records / messages a stored diff keeps in full (the counts are always complete). */
  maxDetails: z.number().int().min(0).max(1_000_000).default(2000),
});
export type DiffRules = z.output<typeof DiffRulesSchema>;
export type DiffRulesInput = z.input<typeof DiffRulesSchema>;

export const defaultDiffRules: DiffRules = DiffRulesSchema.parse({});

export function diffRules(input: DiffRulesInput = {}): DiffRules {
  return DiffRulesSchema.parse(input);
}

export function isIgnoredField(field: string, rules: DiffRules): boolean {
  return rules.ignoreFields.includes(field) || rules.ignorePrefixes.some((p) => field.startsWith(p));
}
