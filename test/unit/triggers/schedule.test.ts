import { describe, expect, it } from 'vitest';
import { cronSchedule, firstRunAfter, intervalSchedule, scheduleFor } from '../../../main/triggers/schedule.js';

const at = (iso: string) => Date.parse(iso);
const isoOf = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

describe('next run', () => {
  it('reads a cron expression in Asia/Shanghai by default', () => {
    const daily = cronSchedule('0 9 * * *');
    expect(isoOf(daily.next(at('2026-03-02T08:59:59+08:00')))).toBe('2026-03-02T01:00:00.000Z');
    // Strictly after: at 09:00 itself the next time is tomorrow's.
    expect(isoOf(daily.next(at('2026-03-02T09:00:00+08:00')))).toBe('2026-03-03T01:00:00.000Z');
  });

  it('follows the 2026 heartbeat: every 30 minutes from 08:00 to 23:30 Shanghai time', () => {
    const heartbeat = cronSchedule('0,30 8-23 * * *');
    expect(isoOf(heartbeat.next(at('2026-03-02T07:15:00+08:00')))).toBe(isoOf(at('2026-03-02T08:00:00+08:00')));
    expect(isoOf(heartbeat.next(at('2026-03-02T08:00:00+08:00')))).toBe(isoOf(at('2026-03-02T08:30:00+08:00')));
    expect(isoOf(heartbeat.next(at('2026-03-02T23:30:00+08:00')))).toBe(isoOf(at('2026-03-03T08:00:00+08:00')));
  });

  it('finds the next whole minute from anywhere inside a minute', () => {
    const every3 = cronSchedule('*/3 * * * *');
    expect(isoOf(every3.next(at('2026-03-02T09:00:00+08:00')))).toBe(isoOf(at('2026-03-02T09:03:00+08:00')));
    expect(isoOf(every3.next(at('2026-03-02T09:02:59.999+08:00')))).toBe(isoOf(at('2026-03-02T09:03:00+08:00')));
    expect(isoOf(every3.next(at('2026-03-02T09:02:59.500+08:00')))).toBe(isoOf(at('2026-03-02T09:03:00+08:00')));
    expect(isoOf(every3.next(at('2026-03-02T09:03:00.001+08:00')))).toBe(isoOf(at('2026-03-02T09:06:00+08:00')));
  });

  it('reads a cron expression in any IANA zone, across a daylight-saving change', () => {
    const ny = cronSchedule('0 9 * * *', 'America/New_York');
    // 2026-03-08 is the first day of EDT (UTC-4); the day before is EST (UTC-5).
    expect(isoOf(ny.next(at('2026-03-07T12:00:00Z')))).toBe('2026-03-07T14:00:00.000Z');
    expect(isoOf(ny.next(at('2026-03-07T14:00:00Z')))).toBe('2026-03-08T13:00:00.000Z');
    const berlin = scheduleFor({ kind: 'cron', expression: '30 8 * * 1', timeZone: 'Europe/Berlin' }, 0)!;
    // Monday 2026-03-02 08:30 CET = 07:30 UTC.
    expect(isoOf(berlin.next(at('2026-03-01T00:00:00Z')))).toBe('2026-03-02T07:30:00.000Z');
  });

  it('takes 6-field expressions with seconds first', () => {
    const everyTen = cronSchedule('*/10 * * * * *');
    expect(isoOf(everyTen.next(at('2026-03-02T09:00:00.500+08:00')))).toBe(isoOf(at('2026-03-02T09:00:10+08:00')));
    const halfMinute = cronSchedule('30 0 9 * * *', 'UTC');
    expect(isoOf(halfMinute.next(at('2026-03-02T00:00:00Z')))).toBe('2026-03-02T09:00:30.000Z');
  });

  it('walks back to the latest time at or before a moment', () => {
    const daily = cronSchedule('0 9 * * *');
    expect(isoOf(daily.latestAtOrBefore(at('2026-03-05T09:00:00+08:00')))).toBe(isoOf(at('2026-03-05T09:00:00+08:00')));
    expect(isoOf(daily.latestAtOrBefore(at('2026-03-05T08:59:00+08:00')))).toBe(isoOf(at('2026-03-04T09:00:00+08:00')));
    expect(isoOf(daily.previous(at('2026-03-05T09:00:00+08:00')))).toBe(isoOf(at('2026-03-04T09:00:00+08:00')));
  });

  it('keeps an interval on its cadence from its anchor', () => {
    const anchor = at('2026-03-02T09:00:00Z');
    const every15 = intervalSchedule(15 * 60_000, anchor);
    expect(isoOf(every15.next(at('2026-03-02T09:20:00Z')))).toBe('2026-03-02T09:30:00.000Z');
    expect(isoOf(every15.next(at('2026-03-02T09:30:00Z')))).toBe('2026-03-02T09:45:00.000Z');
    expect(isoOf(every15.next(at('2026-03-02T08:00:00Z')))).toBe('2026-03-02T09:00:00.000Z');
    expect(isoOf(every15.latestAtOrBefore(at('2026-03-02T10:07:00Z')))).toBe('2026-03-02T10:00:00.000Z');
    expect(every15.latestAtOrBefore(at('2026-03-02T08:59:00Z'))).toBeUndefined();
    expect(every15.previous(anchor)).toBeUndefined();
  });

  it('starts a new trigger from now: a cron at its next time, an interval one period later, an event never', () => {
    const now = at('2026-03-02T09:10:00+08:00');
    expect(isoOf(firstRunAfter({ kind: 'cron', expression: '0 9 * * *' }, now))).toBe(isoOf(at('2026-03-03T09:00:00+08:00')));
    expect(isoOf(firstRunAfter({ kind: 'interval', everyMs: 3 * 60_000 }, now))).toBe(isoOf(at('2026-03-02T09:13:00+08:00')));
    expect(firstRunAfter({ kind: 'event', name: 'data-updated' }, now)).toBeUndefined();
  });
});
