import { describe, expect, it } from 'vitest';
import { addDays, dottedDate, shanghaiDate, shanghaiOffsetSeconds, weekday } from '../../../../main/monitors/transforms/shanghai-time.js';

describe('Asia/Shanghai dates', () => {
  it('gives the Shanghai calendar date of an instant, across midnight', () => {
    expect(shanghaiDate(new Date('2026-09-14T23:30:00+08:00'))).toBe('2026-09-14');
    expect(shanghaiDate(new Date('2026-09-14T16:30:00Z'))).toBe('2026-09-15');
    expect(shanghaiDate(new Date('2026-09-15T00:30:00+08:00'))).toBe('2026-09-15');
  });

  it('does date arithmetic, weekdays (Monday 0) and the dotted format', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(weekday('2026-09-14')).toBe(0);
    expect(weekday('2026-09-13')).toBe(6);
    expect(dottedDate('2026-09-07')).toBe('2026.09.07');
  });

  it('knows the zone was not always UTC+8 (DST 1986–1991)', () => {
    expect(shanghaiOffsetSeconds(Date.parse('1988-07-01T00:00:00Z') / 1000)).toBe(9 * 3600);
    expect(shanghaiOffsetSeconds(Date.parse('2026-07-01T00:00:00Z') / 1000)).toBe(8 * 3600);
  });
});
