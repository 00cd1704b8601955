import { shanghaiOffsetSeconds, shanghaiLocalToEpochSeconds } from '../../shared/shanghai-time.js';

/**
 * The date/time parsing v1 relied on (CPython 3.11): `datetime.fromisoformat`, a subset of
 * `datetime.strptime`, `datetime.fromtimestamp` rounding and `str(datetime)`. Ported literally so
 * that a value v1 accepted is accepted here and a value v1 rejected is rejected here — the
 * monitors' texts, eligibility and skipped rows all depend on it.
 */

/** A parsed datetime in its own wall time; `offsetUs` null means naive (no zone). */
export interface PyDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  microsecond: number;
  offsetUs: number | null;
}

/** What Python raised as `ValueError` (v1 code catches some of these, not others). */
export class PyValueError extends Error {
  override readonly name = 'PyValueError';
}

/** `datetime.fromtimestamp` outside year 1…9999: v1 never caught it. */
export class PyOverflowError extends Error {
  override readonly name = 'PyOverflowError';
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

/** Days since 1970-01-01 of a proleptic Gregorian date. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function validate(dt: PyDateTime): PyDateTime {
  if (dt.year < 1 || dt.year > 9999) throw new PyValueError(`year ${dt.year} is out of range`);
  if (dt.month < 1 || dt.month > 12) throw new PyValueError('month must be in 1..12');
  if (dt.day < 1 || dt.day > daysInMonth(dt.year, dt.month)) throw new PyValueError('day is out of range for month');
  if (dt.hour > 23) throw new PyValueError('hour must be in 0..23');
  if (dt.minute > 59) throw new PyValueError('minute must be in 0..59');
  if (dt.second > 59) throw new PyValueError('second must be in 0..59');
  if (dt.offsetUs !== null && Math.abs(dt.offsetUs) >= 86_400_000_000) {
    throw new PyValueError('offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24)');
  }
  return dt;
}

// ---------------------------------------------------------------- fromisoformat (C implementation)

// The C code walks UTF-8 bytes of a NUL-terminated string. `s` here is that byte string (the text
// itself when it is ASCII, else its UTF-8 bytes as Latin-1 characters); past the end reads 0.
const ZERO = 0x30;
const byteAt = (s: string, i: number): number => s.charCodeAt(i) || 0;
const isDigitAt = (s: string, i: number): boolean => {
  const c = byteAt(s, i);
  return c >= ZERO && c <= ZERO + 9;
};

function parseDigits(s: string, p: number, count: number): number {
  let value = 0;
  for (let i = 0; i < count; i++) {
    const d = byteAt(s, p + i) - ZERO;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

interface HmsResult {
  rv: number;
  h: number;
  m: number;
  s: number;
  us: number;
}

function hms(rv: number, vals: number[], us = 0): HmsResult {
  return { rv, h: vals[0] ?? 0, m: vals[1] ?? 0, s: vals[2] ?? 0, us };
}

function parseHhMmSsFf(s: string, start: number, end: number): HmsResult {
  const vals = [0, 0, 0];
  let p = start;
  let hasSeparator = true;
  for (let i = 0; i < 3; i++) {
    const v = parseDigits(s, p, 2);
    if (v < 0) return hms(-3, vals);
    vals[i] = v;
    p += 2;
    const c = byteAt(s, p);
    p++;
    if (i === 0) hasSeparator = c === 0x3a;
    if (p >= end) return hms(c !== 0 ? 1 : 0, vals);
    if (hasSeparator && c === 0x3a) continue;
    if (c === 0x2e || c === 0x2c) break;
    if (!hasSeparator) p--;
    else return hms(-4, vals);
  }
  const toParse = Math.min(end - p, 6);
  if (toParse <= 0) return hms(-3, vals);
  let us = parseDigits(s, p, toParse);
  if (us < 0) return hms(-3, vals);
  us *= 10 ** (6 - toParse);
  p += toParse;
  while (isDigitAt(s, p)) p++;
  return hms(byteAt(s, p) !== 0 ? 1 : 0, vals, us);
}

function findSeparator(s: string, len: number): number {
  if (len === 7) return 7;
  if (byteAt(s, 4) === 0x2d) {
    if (byteAt(s, 5) === 0x57) {
      if (len > 8 && byteAt(s, 8) === 0x2d) {
        if (len === 9) return -1;
        if (len > 10 && isDigitAt(s, 10)) return 8;
        return 10;
      }
      return 8;
    }
    return 10;
  }
  if (byteAt(s, 4) === 0x57) {
    let idx = 7;
    while (idx < len && isDigitAt(s, idx)) idx++;
    if (idx < 9) return idx;
    return idx % 2 === 0 ? 7 : 8;
  }
  return 8;
}

function isoWeekToDate(year: number, week: number, weekday: number): { year: number; month: number; day: number } {
  const jan4 = daysFromCivil(year, 1, 4);
  const jan4Weekday = (((jan4 + 3) % 7) + 7) % 7; // Monday = 0
  if (week <= 0 || week >= 53) {
    const longYear = jan4Weekday === 3 || (jan4Weekday === 2 && isLeap(year));
    if (!(week === 53 && longYear)) throw new PyValueError(`Invalid week: ${week}`);
  }
  if (weekday <= 0 || weekday >= 8) throw new PyValueError(`Invalid weekday: ${weekday} (range is [1, 7])`);
  return civilFromDays(jan4 - jan4Weekday + (week - 1) * 7 + (weekday - 1));
}

function parseIsoDate(s: string, len: number): { year: number; month: number; day: number } | null {
  let p = 0;
  const year = parseDigits(s, p, 4);
  if (year < 0) return null;
  p += 4;
  const usesSeparator = byteAt(s, p) === 0x2d;
  if (usesSeparator) p++;
  if (byteAt(s, p) === 0x57) {
    p++;
    const week = parseDigits(s, p, 2);
    if (week < 0) return null;
    p += 2;
    let weekday = 1;
    if (p < len) {
      if (usesSeparator && byteAt(s, p++) !== 0x2d) return null;
      weekday = parseDigits(s, p, 1);
      if (weekday < 0) return null;
    }
    return isoWeekToDate(year, week, weekday);
  }
  const month = parseDigits(s, p, 2);
  if (month < 0) return null;
  p += 2;
  if (usesSeparator && byteAt(s, p++) !== 0x2d) return null;
  const day = parseDigits(s, p, 2);
  if (day < 0) return null;
  return { year, month, day };
}

// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/;

/**
 * A non-ASCII text: 3.11 accepts any single character as the date/time separator (it is replaced
 * by `T`); the rest is walked as UTF-8 bytes, where a non-ASCII character never parses.
 */
function sanitized(text: string): string {
  const chars = [...text];
  if (chars.length < 7) return '';
  const probe = chars.map((ch) => (ASCII.test(ch) ? ch : '\u0080')).join('');
  const separator = findSeparator(probe, probe.length);
  if (separator >= 0 && separator < chars.length && !ASCII.test(chars[separator] ?? '')) chars[separator] = 'T';
  return Buffer.from(chars.join(''), 'utf8').toString('latin1');
}

function invalidIso(text: string): PyValueError {
  return new PyValueError(`Invalid isoformat string: '${text}'`);
}

/** `datetime.fromisoformat(text)` of Python 3.11; throws PyValueError where Python did. */
export function fromIsoFormat(text: string): PyDateTime {
  const s = ASCII.test(text) ? text : sanitized(text);
  if (s.length < 7) throw invalidIso(text);
  const len = s.length;
  const separator = findSeparator(s, len);
  if (separator < 0) throw invalidIso(text);
  const date = parseIsoDate(s, separator);
  if (!date) throw invalidIso(text);
  const dt: PyDateTime = { year: date.year, month: date.month, day: date.day, hour: 0, minute: 0, second: 0, microsecond: 0, offsetUs: null };
  if (len > separator) {
    const start = separator + 1;
    let tz = start;
    do {
      const c = byteAt(s, tz);
      if (c === 0x5a || c === 0x2b || c === 0x2d) break;
    } while (++tz < len);
    const time = parseHhMmSsFf(s, start, tz);
    if (time.rv < 0) throw invalidIso(text);
    dt.hour = time.h;
    dt.minute = time.m;
    dt.second = time.s;
    dt.microsecond = time.us;
    if (tz >= len) {
      if (time.rv === 1) throw invalidIso(text);
    } else if (byteAt(s, tz) === 0x5a) {
      if (byteAt(s, tz + 1) !== 0) throw invalidIso(text);
      dt.offsetUs = 0;
    } else {
      const sign = byteAt(s, tz) === 0x2d ? -1 : 1;
      const off = parseHhMmSsFf(s, tz + 1, len);
      if (off.rv !== 0) throw invalidIso(text);
      dt.offsetUs = sign * ((off.h * 3600 + off.m * 60 + off.s) * 1_000_000 + off.us);
    }
  }
  return validate(dt);
}

// ---------------------------------------------------------------- strptime (the directives v1 used)

const DIRECTIVES: Record<string, string> = {
  Y: '(\\d\\d\\d\\d)',
  m: '(1[0-2]|0[1-9]|[1-9])',
  d: '(3[01]|[12]\\d|0[1-9]|[1-9]| [1-9])',
  H: '(2[0-3]|[0-1]\\d|\\d)',
  M: '([0-5]\\d|\\d)',
  S: '(6[0-1]|[0-5]\\d|\\d)',
  f: '([0-9]{1,6})',
  z: '([+-]\\d\\d:?[0-5]\\d(?::?[0-5]\\d(?:\\.\\d{1,6})?)?|Z)',
};

const compiled = new Map<string, { regex: RegExp; keys: string[] }>();

function compileFormat(format: string): { regex: RegExp; keys: string[] } {
  const cached = compiled.get(format);
  if (cached) return cached;
  const keys: string[] = [];
  let source = '';
  for (let i = 0; i < format.length; i++) {
    const ch = format[i] ?? '';
    if (ch === '%') {
      const key = format[++i] ?? '';
      const directive = DIRECTIVES[key];
      if (!directive) throw new Error(`strptime directive %${key} is not supported`);
      keys.push(key);
      source += directive;
    } else if (/\s/.test(ch)) {
      while (/\s/.test(format[i + 1] ?? '')) i++;
      source += '\\s+';
    } else source += ch.replace(/[\\.^$*+?()[\]{}|]/g, '\\$&');
  }
  // Python compiles with IGNORECASE; only the `Z` of %z stays case-sensitive (checked below).
  const entry = { regex: new RegExp(`^${source}`, 'i'), keys };
  compiled.set(format, entry);
  return entry;
}

function parseZ(z: string): number {
  if (z === 'Z') return 0;
  if (z === 'z') throw new PyValueError(`time data does not match format`);
  let text = z;
  if (text[3] === ':') {
    text = text.slice(0, 3) + text.slice(4);
    if (text.length > 5) {
      if (text[5] !== ':') throw new PyValueError(`Inconsistent use of : in ${z}`);
      text = text.slice(0, 5) + text.slice(6);
    }
  }
  // `int()` of each slice: text the regex let through without a consistent colon fails here.
  const int = (part: string): number => {
    if (!/^\d+$/.test(part)) throw new PyValueError(`invalid literal for int() with base 10: '${part}'`);
    return Number(part);
  };
  const seconds = int(text.slice(1, 3)) * 3600 + int(text.slice(3, 5)) * 60 + (text.slice(5, 7) ? int(text.slice(5, 7)) : 0);
  const remainder = text.slice(8);
  const fraction = remainder ? int(remainder + '0'.repeat(Math.max(0, 6 - remainder.length))) : 0;
  const us = seconds * 1_000_000 + fraction;
  return text.startsWith('-') ? -us : us;
}

/** `datetime.strptime(text, format)` for %Y %m %d %H %M %S %f %z and literals. */
export function strptime(text: string, format: string): PyDateTime {
  const { regex, keys } = compileFormat(format);
  const found = regex.exec(text);
  if (!found) throw new PyValueError(`time data '${text}' does not match format '${format}'`);
  if (found[0].length !== text.length) throw new PyValueError(`unconverted data remains: ${text.slice(found[0].length)}`);
  const dt: PyDateTime = { year: 1900, month: 1, day: 1, hour: 0, minute: 0, second: 0, microsecond: 0, offsetUs: null };
  keys.forEach((key, i) => {
    const value = found[i + 1] ?? '';
    switch (key) {
      case 'Y': dt.year = Number(value); break;
      case 'm': dt.month = Number(value); break;
      case 'd': dt.day = Number(value); break;
      case 'H': dt.hour = Number(value); break;
      case 'M': dt.minute = Number(value); break;
      case 'S': dt.second = Number(value); break;
      case 'f': dt.microsecond = Number((value + '000000').slice(0, 6)); break;
      case 'z': dt.offsetUs = parseZ(value); break;
    }
  });
  return validate(dt);
}

// ---------------------------------------------------------------- instants and formatting

/** Microseconds since the epoch; a naive value is read in `naiveZone`. */
export function epochMicros(dt: PyDateTime, naiveZone: 'utc' | 'shanghai'): number {
  const wallSeconds = daysFromCivil(dt.year, dt.month, dt.day) * 86400 + dt.hour * 3600 + dt.minute * 60 + dt.second;
  if (dt.offsetUs !== null) return wallSeconds * 1_000_000 + dt.microsecond - dt.offsetUs;
  if (naiveZone === 'utc') return wallSeconds * 1_000_000 + dt.microsecond;
  return shanghaiLocalToEpochSeconds(wallSeconds) * 1_000_000 + dt.microsecond;
}

/** The wall time of an instant at a fixed offset. */
export function wallTime(epochUs: number, offsetUs: number): PyDateTime {
  const local = epochUs + offsetUs;
  const totalSeconds = Math.floor(local / 1_000_000);
  const microsecond = local - totalSeconds * 1_000_000;
  const days = Math.floor(totalSeconds / 86400);
  const secOfDay = totalSeconds - days * 86400;
  const { year, month, day } = civilFromDays(days);
  return {
    year,
    month,
    day,
    hour: Math.floor(secOfDay / 3600),
    minute: Math.floor((secOfDay % 3600) / 60),
    second: secOfDay % 60,
    microsecond,
    offsetUs,
  };
}

/** `dt.astimezone(ZoneInfo("Asia/Shanghai"))`. */
export function toShanghai(epochUs: number): PyDateTime {
  return wallTime(epochUs, shanghaiOffsetSeconds(Math.floor(epochUs / 1_000_000)) * 1_000_000);
}

/** `datetime.fromtimestamp(seconds, tz=utc)` (microseconds rounded half-even) as epoch µs. */
export function fromTimestamp(seconds: number): number {
  let intPart = Math.trunc(seconds);
  let frac = (seconds - intPart) * 1e6;
  let rounded = Math.round(frac);
  if (Math.abs(frac - Math.trunc(frac)) === 0.5) rounded = 2 * Math.round(frac / 2);
  frac = rounded;
  if (frac >= 1e6) {
    intPart += 1;
    frac -= 1e6;
  } else if (frac < 0) {
    intPart -= 1;
    frac += 1e6;
  }
  if (!Number.isFinite(intPart) || intPart < -62135596800 || intPart > 253402300799) {
    throw new PyOverflowError(`timestamp ${seconds} is out of range`);
  }
  return intPart * 1_000_000 + frac;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `dt.strftime(format)` for %Y %m %d %H %M %S (glibc: %Y is not zero-padded). */
export function strftime(dt: PyDateTime, format: string): string {
  return format.replace(/%([YmdHMS%])/g, (_m, key: string) => {
    switch (key) {
      case 'Y': return String(dt.year);
      case 'm': return pad(dt.month);
      case 'd': return pad(dt.day);
      case 'H': return pad(dt.hour);
      case 'M': return pad(dt.minute);
      case 'S': return pad(dt.second);
      default: return '%';
    }
  });
}

function formatOffset(offsetUs: number): string {
  const sign = offsetUs < 0 ? '-' : '+';
  let rest = Math.abs(offsetUs);
  const us = rest % 1_000_000;
  rest = (rest - us) / 1_000_000;
  const hh = Math.floor(rest / 3600);
  const mm = Math.floor((rest % 3600) / 60);
  const ss = rest % 60;
  let out = `${sign}${pad(hh)}:${pad(mm)}`;
  if (ss || us) out += `:${pad(ss)}`;
  if (us) out += `.${pad(us, 6)}`;
  return out;
}

/** `str(datetime)`: `YYYY-MM-DD HH:MM:SS[.ffffff][+HH:MM]`. */
export function pyDateTimeStr(dt: PyDateTime): string {
  let out = `${pad(dt.year, 4)}-${pad(dt.month)}-${pad(dt.day)} ${pad(dt.hour)}:${pad(dt.minute)}:${pad(dt.second)}`;
  if (dt.microsecond) out += `.${pad(dt.microsecond, 6)}`;
  if (dt.offsetUs !== null) out += formatOffset(dt.offsetUs);
  return out;
}

/** Python's `datetime.isoformat()` of an instant in UTC: `YYYY-MM-DDTHH:MM:SS[.ffffff]+00:00`. */
export function pyIsoUtc(instant: Date): string {
  const dt = wallTime(instant.getTime() * 1000, 0);
  const base = `${pad(dt.year, 4)}-${pad(dt.month)}-${pad(dt.day)}T${pad(dt.hour)}:${pad(dt.minute)}:${pad(dt.second)}`;
  return `${base}${dt.microsecond ? `.${pad(dt.microsecond, 6)}` : ''}+00:00`;
}
