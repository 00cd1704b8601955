import cronParser from 'cron-parser';
import type { TriggerSpec } from '../jobs/types.js';
import { DEFAULT_TIME_ZONE } from './schedule.js';

/**
 * A trigger in words, as a catalogue key (`jobs:trigger.<key>`) and its parameters, so the UI says
 * "每天 09:00" or "08:00–23:30 每 30 分钟" in the user's language. Expressions no pattern covers
 * fall back to `cron` with the expression itself.
 */
export interface TriggerWords {
  key: 'daily' | 'weekly' | 'monthly' | 'hourly' | 'everyMinutes' | 'everyMinutesBetween' | 'everySeconds' | 'intervalSeconds' | 'intervalMinutes' | 'intervalHours' | 'event' | 'cron';
  params: Record<string, string | number>;
}

const pad = (n: number) => String(n).padStart(2, '0');
const hhmm = (h: number, m: number) => `${pad(h)}:${pad(m)}`;

/** The step of an evenly spaced list starting at 0 that fills its range (0,30 → 30; 0,3,…,57 → 3). */
function evenStep(values: readonly number[], size: number): number | undefined {
  if (values[0] !== 0 || values.length < 2) return undefined;
  const step = values[1]!;
  if (size % step !== 0 || values.length !== size / step) return undefined;
  return values.every((v, i) => v === i * step) ? step : undefined;
}

function isRange(values: readonly number[]): boolean {
  return values.every((v, i) => i === 0 || v === values[i - 1]! + 1);
}

function covers(values: readonly (number | string)[], from: number, to: number): boolean {
  const set = new Set(values);
  for (let v = from; v <= to; v += 1) if (!set.has(v)) return false;
  return true;
}

function describeCron(expression: string): TriggerWords {
  const fallback: TriggerWords = { key: 'cron', params: { expression } };
  let fields;
  try {
    fields = cronParser.parseExpression(expression).fields;
  } catch {
    return fallback;
  }
  const second = fields.second as readonly number[];
  const minute = fields.minute as readonly number[];
  const hour = fields.hour as readonly number[];
  const everyDay = covers(fields.dayOfMonth, 1, 31) && covers(fields.month, 1, 12) && covers(fields.dayOfWeek, 0, 6);
  const allHours = hour.length === 24;
  if (second.length > 1) {
    const step = evenStep(second, 60);
    return step && minute.length === 60 && allHours && everyDay ? { key: 'everySeconds', params: { seconds: step } } : fallback;
  }
  if (second[0] !== 0) return fallback;
  const minuteStep = evenStep(minute, 60);
  if (everyDay && minuteStep && allHours) return { key: 'everyMinutes', params: { minutes: minuteStep } };
  if (everyDay && minuteStep && isRange(hour)) {
    return { key: 'everyMinutesBetween', params: { from: hhmm(hour[0]!, 0), to: hhmm(hour.at(-1)!, minute.at(-1)!), minutes: minuteStep } };
  }
  if (minute.length !== 1) return fallback;
  const m = minute[0]!;
  if (everyDay && allHours) return { key: 'hourly', params: { minute: pad(m) } };
  if (hour.length !== 1) return fallback;
  const time = hhmm(hour[0]!, m);
  if (everyDay) return { key: 'daily', params: { time } };
  const allMonths = covers(fields.month, 1, 12);
  const allDom = covers(fields.dayOfMonth, 1, 31);
  const allDow = covers(fields.dayOfWeek, 0, 6);
  if (allMonths && allDom && !allDow) {
    const days = [...new Set((fields.dayOfWeek as readonly number[]).map((d) => (d === 7 ? 0 : d)))].sort();
    return { key: 'weekly', params: { weekdays: days.join(','), time } };
  }
  if (allMonths && allDow && fields.dayOfMonth.length === 1 && typeof fields.dayOfMonth[0] === 'number') {
    return { key: 'monthly', params: { day: fields.dayOfMonth[0], time } };
  }
  return fallback;
}

function describeInterval(everyMs: number): TriggerWords {
  if (everyMs % 3_600_000 === 0) return { key: 'intervalHours', params: { hours: everyMs / 3_600_000 } };
  if (everyMs % 60_000 === 0) return { key: 'intervalMinutes', params: { minutes: everyMs / 60_000 } };
  return { key: 'intervalSeconds', params: { seconds: Math.round(everyMs / 100) / 10 } };
}

export function describeTrigger(spec: TriggerSpec): TriggerWords {
  switch (spec.kind) {
    case 'cron': {
      const words = describeCron(spec.expression);
      const zone = spec.timeZone ?? DEFAULT_TIME_ZONE;
      return zone === DEFAULT_TIME_ZONE ? words : { key: words.key, params: { ...words.params, timeZone: zone } };
    }
    case 'interval':
      return describeInterval(spec.everyMs);
    case 'event':
      return { key: 'event', params: { name: spec.name } };
  }
}
