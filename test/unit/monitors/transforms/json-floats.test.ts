import { describe, expect, it } from 'vitest';
import { parseJsonKeepingFloats } from '../../../../main/monitors/transforms/json-floats.js';

describe('parseJsonKeepingFloats', () => {
  it('keeps integral floats as boxed numbers and everything else as JSON.parse does', () => {
    const value = parseJsonKeepingFloats('{"count": 36.0, "n": 36, "x": 1.5, "e": 1e3, "s": "36.0", "l": [null, true, {"k": -0.0}]}') as Record<string, unknown>;
    expect(value.count).toBeInstanceOf(Number);
    expect(Number(value.count)).toBe(36);
    expect(value.n).toBe(36);
    expect(value.x).toBe(1.5);
    expect(value.e).toBeInstanceOf(Number);
    expect(value.s).toBe('36.0');
    expect(JSON.stringify(value.l)).toBe('[null,true,{"k":0}]');
  });

  it('rejects what JSON rejects', () => {
    for (const bad of ['{', '[1,]', '{"a" 1}', '01', 'nul', '"x" y']) expect(() => parseJsonKeepingFloats(bad)).toThrow(SyntaxError);
  });
});
