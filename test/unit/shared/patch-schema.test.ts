import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { patchSchema } from '../../../main/shared/patch-schema.js';

const Schema = z.object({
  ratio: z.number().positive().default(1.2),
  nested: z.object({ on: z.boolean().default(true) }).prefault({}),
  list: z.array(z.string()).optional(),
});

describe('patchSchema', () => {
  it('keeps only the keys a patch names: no defaults fill the others', () => {
    expect(patchSchema(Schema).parse({ list: ['a'] })).toEqual({ list: ['a'] });
    expect(patchSchema(Schema).parse({})).toEqual({});
  });

  it('still validates the keys it names', () => {
    expect(patchSchema(Schema).safeParse({ ratio: -1 }).success).toBe(false);
    expect(patchSchema(Schema).parse({ ratio: 2, nested: { on: false } })).toEqual({ ratio: 2, nested: { on: false } });
  });
});
