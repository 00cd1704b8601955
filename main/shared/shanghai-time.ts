/**
 * Asia/Shanghai, the office's time zone, and the one place Herald turns instants into the office's
 * dates and times. Business dates are `YYYY-MM-DD` strings of this zone, times `YYYY-MM-DD HH:MM:SS`.
 *
 * The zone is UTC+8 since 1992, so recent instants need only arithmetic (formatting with Intl in a
 * zone is slow next to a database insert). China observed DST 1986–1991 and LMT before 1901: those
 * instants go through Intl's tz database.
 */

export const OFFICE_TIME_ZONE = 'Asia/Shanghai';

const SINCE_1992 = 694_195_200; // 1992-01-01T00:00:00Z
const EIGHT_HOURS = 28_800;

let formatter: Intl.DateTimeFormat | undefined;

function historicalOffsetSeconds(epochSeconds: number): number {
  formatter ??= new Intl.DateTimeFormat('en-US', {
    timeZone: OFFICE_TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const parts = Object.fromEntries(formatter.formatToParts(new Date(epochSeconds * 1000)).map((p) => [p.type, p.value]));
  const wall = new Date(Date.UTC(2000, Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second)));
  wall.setUTCFullYear(Number(parts.year));
  return wall.getTime() / 1000 - epochSeconds;
}

/** The zone's UTC offset (seconds) at an instant. */
export function shanghaiOffsetSeconds(epochSeconds: number): number {
  return epochSeconds >= SINCE_1992 ? EIGHT_HOURS : historicalOffsetSeconds(epochSeconds);
}

/** A naive Shanghai wall time (seconds since 1970-01-01 of the wall clock) → the instant (fold=0). */
export function shanghaiLocalToEpochSeconds(wallSeconds: number): number {
  let guess = wallSeconds - EIGHT_HOURS;
  for (let i = 0; i < 3; i++) {
    const next = wallSeconds - shanghaiOffsetSeconds(guess);
    if (next === guess) break;
    guess = next;
  }
  return guess;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The instant moved by the zone's offset, so that its UTC fields read as the Shanghai wall clock. */
function wallClock(instant: Date | number): Date {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  // As Intl does: an invalid date has no office time.
  if (!Number.isFinite(ms)) throw new RangeError('Invalid time value');
  return new Date(ms + shanghaiOffsetSeconds(Math.floor(ms / 1000)) * 1000);
}

function datePart(wall: Date): string {
  return `${String(wall.getUTCFullYear()).padStart(4, '0')}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`;
}

/** The Shanghai calendar date of an instant (a Date or epoch milliseconds), `YYYY-MM-DD`. */
export function shanghaiDate(instant: Date | number): string {
  return datePart(wallClock(instant));
}

/** `YYYY-MM-DD HH:MM:SS` of an instant (a Date or epoch milliseconds) in Asia/Shanghai. */
export function shanghaiDateTime(instant: Date | number): string {
  const wall = wallClock(instant);
  return `${datePart(wall)} ${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}`;
}

function parseDate(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

/** `date + days` on `YYYY-MM-DD` strings. */
export function addDays(date: string, days: number): string {
  const shifted = parseDate(date);
  shifted.setUTCDate(shifted.getUTCDate() + days);
  return datePart(shifted);
}

/** Python's `date.weekday()`: Monday 0 … Sunday 6. */
export function weekday(date: string): number {
  return (parseDate(date).getUTCDay() + 6) % 7;
}
