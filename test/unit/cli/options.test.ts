import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { collect, dayOrTime, isoTime, month, positiveInt } from '../../../main/cli/options.js';

describe('CLI option parsers', () => {
  it('collect gathers a repeated option', () => {
    expect(collect('b', collect('a'))).toEqual(['a', 'b']);
  });

  it('isoTime takes ISO 8601 with an offset and refuses a time without one', () => {
    expect(isoTime('2026-05-11T09:00:00+08:00').toISOString()).toBe('2026-05-11T01:00:00.000Z');
    expect(isoTime('2026-05-11T01:00Z').toISOString()).toBe('2026-05-11T01:00:00.000Z');
    expect(() => isoTime('2026-05-11T09:00:00')).toThrow(InvalidArgumentError);
    expect(() => isoTime('2026-02-30T09:00:00+08:00x')).toThrow(/not an ISO 8601 time/);
  });

  it('dayOrTime reads a day as midnight in Asia/Shanghai', () => {
    expect(dayOrTime('2026-03-01').toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(dayOrTime('2026-03-01T08:00:00+08:00').toISOString()).toBe('2026-03-01T00:00:00.000Z');
  });

  it('month and positiveInt refuse what they cannot be', () => {
    expect(month('2026-05')).toBe('2026-05');
    expect(() => month('2026-5')).toThrow(/not a month/);
    expect(positiveInt('120')).toBe(120);
    expect(() => positiveInt('0')).toThrow(/positive whole number/);
  });
});
