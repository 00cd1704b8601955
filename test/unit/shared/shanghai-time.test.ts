import { describe, expect, it } from 'vitest';
import { addDays, OFFICE_TIME_ZONE, shanghaiDate, shanghaiDateTime, shanghaiLocalToEpochSeconds, shanghaiOffsetSeconds, weekday } from '../../../main/shared/shanghai-time.js';

/** An independent reading of the tz database: Intl's own formatting in the zone. */
const intl = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

describe('Asia/Shanghai dates and times', () => {
  it('is the office’s zone', () => {
    expect(OFFICE_TIME_ZONE).toBe('Asia/Shanghai');
  });

  it('gives the Shanghai calendar date of an instant, across midnight, from a Date or epoch milliseconds', () => {
    expect(shanghaiDate(new Date('2026-09-14T23:30:00+08:00'))).toBe('2026-09-14');
    expect(shanghaiDate(new Date('2026-09-14T16:30:00Z'))).toBe('2026-09-15');
    expect(shanghaiDate(new Date('2026-09-15T00:30:00+08:00'))).toBe('2026-09-15');
    expect(shanghaiDate(Date.parse('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
  });

  it('gives the Shanghai wall time `YYYY-MM-DD HH:MM:SS`, seconds truncated', () => {
    expect(shanghaiDateTime(new Date('2026-03-03T00:00:00Z'))).toBe('2026-03-03 08:00:00');
    expect(shanghaiDateTime(Date.parse('2026-02-03T03:03:31.999Z'))).toBe('2026-02-03 11:03:31');
    expect(shanghaiDateTime(Date.parse('2025-12-31T16:59:59Z'))).toBe('2026-01-01 00:59:59');
    expect(shanghaiDateTime(0)).toBe('1970-01-01 08:00:00');
  });

  it('refuses an invalid date, as Intl does', () => {
    expect(() => shanghaiDateTime(new Date('not a date'))).toThrow(RangeError);
    expect(() => shanghaiDate(Number.NaN)).toThrow(RangeError);
  });

  it('agrees with the tz database every 7 hours through the DST years 1985–1992 and on recent days', () => {
    const mismatches: string[] = [];
    const check = (ms: number) => {
      const expected = intl.format(new Date(ms));
      if (shanghaiDateTime(ms) !== expected || shanghaiDate(ms) !== expected.slice(0, 10)) mismatches.push(new Date(ms).toISOString());
    };
    for (let ms = Date.parse('1985-01-01T00:00:00Z'); ms < Date.parse('1993-01-01T00:00:00Z'); ms += 7 * 3_600_000) check(ms);
    for (let ms = Date.parse('2025-01-01T00:00:00Z'); ms < Date.parse('2027-01-01T00:00:00Z'); ms += 7 * 3_600_000 + 1234) check(ms);
    expect(mismatches).toEqual([]);
  });

  it('knows the zone was not always UTC+8 (DST 1986–1991)', () => {
    expect(shanghaiOffsetSeconds(Date.parse('1988-07-01T00:00:00Z') / 1000)).toBe(9 * 3600);
    expect(shanghaiOffsetSeconds(Date.parse('2026-07-01T00:00:00Z') / 1000)).toBe(8 * 3600);
    expect(shanghaiDateTime(Date.parse('1988-07-01T00:00:00Z'))).toBe('1988-07-01 09:00:00');
  });

  it('turns a naive Shanghai wall time into its instant', () => {
    expect(shanghaiLocalToEpochSeconds(Date.UTC(2026, 8, 14, 9, 0, 0) / 1000)).toBe(Date.parse('2026-09-14T09:00:00+08:00') / 1000);
    expect(shanghaiLocalToEpochSeconds(Date.UTC(1988, 6, 1, 9, 0, 0) / 1000)).toBe(Date.parse('1988-07-01T09:00:00+09:00') / 1000);
  });

  it('does date arithmetic and weekdays (Monday 0) on business dates', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(weekday('2026-09-14')).toBe(0);
    expect(weekday('2026-09-13')).toBe(6);
  });
});
