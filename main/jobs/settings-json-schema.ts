import { z } from 'zod';

const cache = new WeakMap<z.ZodType, Record<string, unknown> | null>();

/**
 * A job's settings as JSON Schema (the input side: what may be stored, with the defaults), so the
 * Jobs page can offer a form for them; null when zod cannot describe the schema.
 */
export function settingsJsonSchema(schema: z.ZodType): Record<string, unknown> | null {
  if (cache.has(schema)) return cache.get(schema) ?? null;
  let described: Record<string, unknown> | null;
  try {
    const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    described = rest;
  } catch {
    described = null;
  }
  cache.set(schema, described);
  return described;
}
