import type { SendingWindow } from '../api/contract/channel-model.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

function minutesOfDay(epochMs: number, timeZone: string): { minutes: number; seconds: number } {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(new Date(epochMs)).map((p) => [p.type, p.value]));
  return { minutes: Number(parts.hour) * 60 + Number(parts.minute), seconds: Number(parts.second) };
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * When a message of a channel with this sending window may go out: `now` when the window is open,
 * else the next opening (e.g. 08:00 Asia/Shanghai). A window may span midnight (22:00–06:00);
 * start = end means always open.
 */
export function nextOpening(window: SendingWindow | null | undefined, now: number): number {
  if (!window) return now;
  const start = toMinutes(window.start);
  const end = toMinutes(window.end);
  if (start === end) return now;
  const { minutes, seconds } = minutesOfDay(now, window.timeZone);
  const open = start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
  if (open) return now;
  const wait = (start - minutes + 1440) % 1440;
  const floorToMinute = now - seconds * 1000 - (now % 1000);
  return floorToMinute + wait * 60_000;
}
