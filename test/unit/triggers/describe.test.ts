import { describe, expect, it } from 'vitest';
import { describeTrigger } from '../../../main/triggers/describe.js';

const cron = (expression: string, timeZone?: string) => describeTrigger({ kind: 'cron', expression, ...(timeZone ? { timeZone } : {}) });

describe('triggers in words', () => {
  it('names the v1 schedules', () => {
    expect(cron('0 9 * * *')).toEqual({ key: 'daily', params: { time: '09:00' } });
    expect(cron('30 8 * * *')).toEqual({ key: 'daily', params: { time: '08:30' } });
    expect(cron('0,30 8-23 * * *')).toEqual({ key: 'everyMinutesBetween', params: { from: '08:00', to: '23:30', minutes: 30 } });
    expect(cron('*/3 * * * *')).toEqual({ key: 'everyMinutes', params: { minutes: 3 } });
  });

  it('names hourly, weekly, monthly and seconds schedules', () => {
    expect(cron('15 * * * *')).toEqual({ key: 'hourly', params: { minute: '15' } });
    expect(cron('0 9 * * 1')).toEqual({ key: 'weekly', params: { weekdays: '1', time: '09:00' } });
    expect(cron('0 9 * * 1-5')).toEqual({ key: 'weekly', params: { weekdays: '1,2,3,4,5', time: '09:00' } });
    expect(cron('0 6 1 * *')).toEqual({ key: 'monthly', params: { day: 1, time: '06:00' } });
    expect(cron('*/10 * * * * *')).toEqual({ key: 'everySeconds', params: { seconds: 10 } });
  });

  it('adds the zone when it is not Asia/Shanghai, and falls back to the expression', () => {
    expect(cron('0 9 * * *', 'Europe/Berlin')).toEqual({ key: 'daily', params: { time: '09:00', timeZone: 'Europe/Berlin' } });
    expect(cron('0 9 * * *', 'Asia/Shanghai')).toEqual({ key: 'daily', params: { time: '09:00' } });
    expect(cron('0 9,17 * * *')).toEqual({ key: 'cron', params: { expression: '0 9,17 * * *' } });
    expect(cron('7,31 * * * *')).toEqual({ key: 'cron', params: { expression: '7,31 * * * *' } });
  });

  it('names intervals and events', () => {
    expect(describeTrigger({ kind: 'interval', everyMs: 180_000 })).toEqual({ key: 'intervalMinutes', params: { minutes: 3 } });
    expect(describeTrigger({ kind: 'interval', everyMs: 7_200_000 })).toEqual({ key: 'intervalHours', params: { hours: 2 } });
    expect(describeTrigger({ kind: 'interval', everyMs: 1500 })).toEqual({ key: 'intervalSeconds', params: { seconds: 1.5 } });
    expect(describeTrigger({ kind: 'event', name: 'data-updated' })).toEqual({ key: 'event', params: { name: 'data-updated' } });
  });
});
