import { describe, expect, it } from 'vitest';
import { valuesEqual } from '../../../../main/shadow/diff/values.js';
import { diffRules } from '../../../../main/shadow/diff/rules.js';

const rules = diffRules();

describe('value comparison', () => {
  it('compares numbers and numeric strings as numbers within 0.01', () => {
    expect(valuesEqual(20000, '20000', rules)).toBe(true);
    expect(valuesEqual('0.0', 0, rules)).toBe(true);
    expect(valuesEqual(15000, 15000.01, rules)).toBe(true);
    expect(valuesEqual(0.1 + 0.2, 0.31, rules)).toBe(true);
    expect(valuesEqual(15000, 15000.02, rules)).toBe(false);
    expect(valuesEqual(' 8000 ', 8000.004, rules)).toBe(true);
  });

  it('uses the configured tolerance', () => {
    expect(valuesEqual(100, 100.5, diffRules({ tolerance: 1 }))).toBe(true);
    expect(valuesEqual(100, 100.001, diffRules({ tolerance: 0 }))).toBe(false);
  });

  it('trims strings unless told not to, and optionally collapses inner whitespace', () => {
    expect(valuesEqual(' 王五 ', '王五', rules)).toBe(true);
    expect(valuesEqual(' 王五 ', '王五', diffRules({ trim: false }))).toBe(false);
    expect(valuesEqual('a  b', 'a b', rules)).toBe(false);
    expect(valuesEqual('a  b', 'a b', diffRules({ collapseWhitespace: true }))).toBe(true);
  });

  it('treats null, missing and the empty string as the same empty value, and nothing else', () => {
    expect(valuesEqual(null, '', rules)).toBe(true);
    expect(valuesEqual(undefined, '  ', rules)).toBe(true);
    expect(valuesEqual('', 0, rules)).toBe(false);
    expect(valuesEqual(null, '无', rules)).toBe(false);
  });

  it('compares texts exactly, list fields item by item', () => {
    expect(valuesEqual('节节高, 节节高', '节节高,节节高', rules)).toBe(false);
    expect(valuesEqual('节节高, 节节高', '节节高,节节高', rules, true)).toBe(true);
    expect(valuesEqual('SH-2025-09', 'SH-SEP', rules)).toBe(false);
  });

  it('compares objects by content regardless of key order', () => {
    expect(valuesEqual({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 }, rules)).toBe(true);
    expect(valuesEqual([], [1], rules)).toBe(false);
    expect(valuesEqual(true, 'true', rules)).toBe(true);
  });
});
