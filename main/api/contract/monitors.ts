import { z } from 'zod';
import { method } from './define.js';

const DateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');

export const SlaViolationCountSchema = z.object({ date: DateSchema, provider: z.string(), count: z.number().int() });

export const monitorsMethods = {
  'monitors.slaViolations': method({
    input: z
      .object({
        /** Last business date shown (default: yesterday in Asia/Shanghai). */
        until: DateSchema.optional(),
        /** How many business dates back (default 7: one week). */
        days: z.number().int().min(1).max(366).default(7),
      })
      .default({ days: 7 }),
    output: z.object({ from: DateSchema, to: DateSchema, rows: z.array(SlaViolationCountSchema) }),
    summary: 'SLA violations per provider per business date (the Jobs page weekly chart).',
  }),
};
