import { describe, expect, it } from 'vitest';
import { isBlank, parseIntValue, parseIsoDateTime, parseNumberValue } from '../../../main/sources/values.js';

describe('card value parsers', () => {
  it('reads amounts as Python float() did, including the CSV round trip\'s "3000.0"', () => {
    expect(parseNumberValue('3000.0')).toBe(3000);
    expect(parseNumberValue(' 12.5 ')).toBe(12.5);
    expect(parseNumberValue('1e3')).toBe(1000);
    expect(parseNumberValue('.5')).toBe(0.5);
    expect(parseNumberValue('5.')).toBe(5);
    expect(parseNumberValue('-0.25')).toBe(-0.25);
    expect(parseNumberValue(0.6666666666666666)).toBe(0.6666666666666666);
  });

  it('refuses what is not a finite number; thousands separators only when asked', () => {
    for (const bad of ['', 'abc', '12abc', 'nan', 'inf', '1,000', true, {}, [], Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(parseNumberValue(bad)).toBeUndefined();
    }
    expect(parseNumberValue('1,783,824,677,000', { thousands: true })).toBe(1783824677000);
  });

  it('reads whole numbers as Python int() did: "5" and 5 yes, "5.0" and 5.5 no', () => {
    expect(parseIntValue('5')).toBe(5);
    expect(parseIntValue(' -3 ')).toBe(-3);
    expect(parseIntValue(5)).toBe(5);
    expect(parseIntValue('5.0')).toBeUndefined();
    expect(parseIntValue(5.5)).toBeUndefined();
    expect(parseIntValue('')).toBeUndefined();
    expect(parseIntValue(null)).toBeUndefined();
  });

  it('treats null, a missing value and blank text as empty', () => {
    expect([null, undefined, '', '  '].map(isBlank)).toEqual([true, true, true, true]);
    expect([0, 'x', false].map(isBlank)).toEqual([false, false, false]);
  });

  it('reads ISO date-times with an offset and fractional seconds of any length', () => {
    expect(parseIsoDateTime('2026-10-26T16:24:58.280Z')).toEqual({ epochMs: Date.parse('2026-10-26T16:24:58.280Z'), microsecond: 280_000, offsetMinutes: 0, text: '2026-10-26T16:24:58.280Z' });
    expect(parseIsoDateTime('2026-08-29T20:30:00.26+08:00')).toMatchObject({ epochMs: Date.parse('2026-08-29T12:30:00.260Z'), microsecond: 260_000, offsetMinutes: 480 });
    expect(parseIsoDateTime('2025-05-22T09:35:03.325454+08:00')).toMatchObject({ epochMs: Date.parse('2025-05-22T01:35:03.325Z'), microsecond: 325_454 });
    expect(parseIsoDateTime('2025-05-22T09:35:03.1234567-0530')).toMatchObject({ epochMs: Date.parse('2025-05-22T15:05:03.123Z'), microsecond: 123_456, offsetMinutes: -330 });
    expect(parseIsoDateTime('2026-10-29 01:00:00+08')).toMatchObject({ epochMs: Date.parse('2026-10-28T17:00:00Z'), offsetMinutes: 480 });
  });

  it('applies the naive policy to a time without an offset: refused, UTC (card 2085) or Beijing time', () => {
    expect(parseIsoDateTime('2026-07-01T08:00:00')).toBeUndefined();
    expect(parseIsoDateTime('2026-07-01T08:00:00', 'utc')).toMatchObject({ epochMs: Date.parse('2026-07-01T08:00:00Z'), offsetMinutes: null });
    expect(parseIsoDateTime('2026-07-01 08:00', 'Asia/Shanghai')).toMatchObject({ epochMs: Date.parse('2026-07-01T00:00:00Z'), offsetMinutes: null });
    expect(parseIsoDateTime('2026-07-01', 'Asia/Shanghai')).toMatchObject({ epochMs: Date.parse('2026-06-30T16:00:00Z') });
  });

  it('refuses impossible dates and other text', () => {
    for (const bad of ['2026-02-30T10:00:00+08:00', '2026-13-01T00:00:00Z', '2026-01-01T24:00:00Z', '2026/01/01 10:00:00', 'yesterday', '', 1730000000000]) {
      expect(parseIsoDateTime(bad, 'utc')).toBeUndefined();
    }
  });
});
