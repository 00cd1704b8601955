import { describe, expect, it } from 'vitest';
import { add, commaFormat, float, floatRepr, int, parsePyFloat, pmax, pmin, pyStr, round2, truncInt, truthy } from '../../../../main/campaigns/rules/py.js';

describe('Python number semantics', () => {
  it('prints floats as Python repr does', () => {
    expect(floatRepr(5000)).toBe('5000.0');
    expect(floatRepr(1234.5)).toBe('1234.5');
    expect(floatRepr(0.2222222222222222)).toBe('0.2222222222222222');
    expect(floatRepr(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(floatRepr(1e16)).toBe('1e+16');
    expect(floatRepr(123456789012345.0)).toBe('123456789012345.0');
    expect(floatRepr(0.0001)).toBe('0.0001');
    expect(floatRepr(0.00001)).toBe('1e-05');
    expect(floatRepr(-0)).toBe('-0.0');
    expect(floatRepr(-2.5)).toBe('-2.5');
  });

  it('keeps int and float apart through +, min, max and int()', () => {
    expect(add(int(0), float(5000))).toEqual(float(5000));
    expect(add(int(2), int(3))).toEqual(int(5));
    // min/max return the first argument on a tie, as Python does.
    expect(pmin(float(50000), int(50000))).toEqual(float(50000));
    expect(pmin(float(55000), int(50000))).toEqual(int(50000));
    expect(pmax(int(0), float(0))).toEqual(int(0));
    expect(truncInt(float(-2.7))).toEqual(int(-2));
  });

  it('rounds to two places on the exact binary value, exact ties to even', () => {
    expect(round2(float(0.125)).v).toBe(0.12);
    expect(round2(float(0.375)).v).toBe(0.38);
    expect(round2(float(2.675)).v).toBe(2.67);
    expect(round2(float(1234.5678)).v).toBe(1234.57);
    expect(round2(int(10000))).toEqual(int(10000));
  });

  it('groups thousands like f"{x:,}"', () => {
    expect(commaFormat(int(1234567))).toBe('1,234,567');
    expect(commaFormat(int(-1234))).toBe('-1,234');
    expect(commaFormat(float(39000))).toBe('39,000.0');
    expect(commaFormat(float(1e16))).toBe('1e+16');
  });

  it("parses what Python's float() accepts", () => {
    expect(parsePyFloat(' 12.5 ')).toBe(12.5);
    expect(parsePyFloat('1e5')).toBe(100000);
    expect(parsePyFloat('-3')).toBe(-3);
    expect(parsePyFloat('')).toBeNull();
    expect(parsePyFloat('12,000')).toBeNull();
    expect(parsePyFloat('inf')).toBeNull();
  });

  it('has str() and truthiness of Python values', () => {
    expect(pyStr(null)).toBe('None');
    expect(pyStr(true)).toBe('True');
    expect(pyStr(float(2))).toBe('2.0');
    expect([truthy(''), truthy('N'), truthy(int(0)), truthy(float(0.5)), truthy(null), truthy(false)]).toEqual([false, true, false, true, false, false]);
  });
});
