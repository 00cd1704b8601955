import { describe, expect, it } from 'vitest';
import { epochMicros, fromIsoFormat, fromTimestamp, pyDateTimeStr, pyIsoUtc, strftime, strptime, toShanghai, PyOverflowError, PyValueError } from '../../../../main/monitors/transforms/py-datetime.js';

const fields = (text: string) => {
  const d = fromIsoFormat(text);
  return [d.year, d.month, d.day, d.hour, d.minute, d.second, d.microsecond, d.offsetUs];
};

describe('fromIsoFormat (CPython 3.11)', () => {
  it('accepts the forms 3.11 accepts', () => {
    expect(fields('2026-10-26T16:24:58.280')).toEqual([2026, 10, 26, 16, 24, 58, 280000, null]);
    expect(fields('2026-09-12T19:16:03.7070198+08:00')).toEqual([2026, 9, 12, 19, 16, 3, 707019, 8 * 3600e6]);
    expect(fields('2026-10-27T04:15:36.809880-05:00')).toEqual([2026, 10, 27, 4, 15, 36, 809880, -5 * 3600e6]);
    expect(fields('20261026T162458')).toEqual([2026, 10, 26, 16, 24, 58, 0, null]);
    expect(fields('2026-10-26')).toEqual([2026, 10, 26, 0, 0, 0, 0, null]);
    expect(fields('2026-01-01T12:00Z')).toEqual([2026, 1, 1, 12, 0, 0, 0, 0]);
    expect(fields('2026-W01-1T10:00')).toEqual([2025, 12, 29, 10, 0, 0, 0, null]);
    expect(fields('2026-01-01t12:00')).toEqual([2026, 1, 1, 12, 0, 0, 0, null]);
  });

  it('rejects what 3.11 rejects', () => {
    for (const bad of ['', '2026-01-01T12:00:00.', '2026-01-01T24:00:00', '2026-02-30', '2026-01-01 12:00:00 ', '2026-01-01T12:00z', '2026/08/31', 'N/A', '2026-01-01T12:00+24:00']) {
      expect(() => fromIsoFormat(bad), bad).toThrow(PyValueError);
    }
  });
});

describe('strptime, fromtimestamp and formatting', () => {
  it('parses the technician format with colon-less offsets and short fractions', () => {
    const d = strptime('2025-05-22T09:38:56.979+0800', '%Y-%m-%dT%H:%M:%S.%f%z');
    expect(strftime(d, '%Y-%m-%d %H:%M')).toBe('2025-05-22 09:38');
    expect(d.microsecond).toBe(979000);
    expect(strftime(strptime('2025-5-2t9:3:5.3Z', '%Y-%m-%dT%H:%M:%S.%f%z'), '%Y-%m-%d %H:%M')).toBe('2025-05-02 09:03');
    expect(() => strptime('2025-05-22T09:38:56+0800', '%Y-%m-%dT%H:%M:%S.%f%z')).toThrow(PyValueError);
    expect(() => strptime('2026/05/12 16:29', '%Y/%m/%d')).toThrow(PyValueError);
  });

  it('rounds timestamps to microseconds half-even and refuses years beyond 9999', () => {
    expect(fromTimestamp(1774588709.5)).toBe(1774588709500000);
    expect(fromTimestamp(0.0000005)).toBe(0);
    expect(fromTimestamp(0.0000015)).toBe(2);
    expect(() => fromTimestamp(999999999999)).toThrow(PyOverflowError);
  });

  it('prints str(datetime), isoformat in UTC and Shanghai wall time', () => {
    expect(pyDateTimeStr(fromIsoFormat('2024-10-21T09:38:53+08:00'))).toBe('2024-10-21 09:38:53+08:00');
    expect(pyDateTimeStr(fromIsoFormat('2024-10-21T09:38:53.5'))).toBe('2024-10-21 09:38:53.500000');
    expect(pyIsoUtc(new Date('2026-09-01T08:30:00+08:00'))).toBe('2026-09-01T00:30:00+00:00');
    expect(strftime(toShanghai(epochMicros(fromIsoFormat('2026-07-16T10:41:20'), 'utc')), '%Y-%m-%d %H:%M:%S')).toBe('2026-07-16 18:41:20');
    expect(epochMicros(fromIsoFormat('2026-04-12'), 'shanghai')).toBe(1775923200000 * 1000);
  });
});
