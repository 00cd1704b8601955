import { InvalidArgumentError } from 'commander';

/** Shared option parsers: repeated options, ISO 8601 times, months, positive integers. */

/** For a repeatable option: each occurrence adds to the list. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** An instant in ISO 8601 with its offset (`2026-05-11T09:00:00+08:00`): a time without a zone is ambiguous. */
export function isoTime(value: string): Date {
  const date = new Date(value);
  if (!ISO_WITH_OFFSET.test(value) || Number.isNaN(date.getTime())) {
    throw new InvalidArgumentError(`${value} is not an ISO 8601 time with an offset (e.g. 2026-05-11T09:00:00+08:00).`);
  }
  return date;
}

export function month(value: string): string {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) throw new InvalidArgumentError(`${value} is not a month (YYYY-MM).`);
  return value;
}

/** A day (`YYYY-MM-DD`, midnight Asia/Shanghai) or an ISO instant. */
export function dayOrTime(value: string): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const date = new Date(`${value}T00:00:00+08:00`);
    if (!Number.isNaN(date.getTime())) return date;
  }
  return isoTime(value);
}

export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`${value} is not a positive whole number.`);
  return n;
}
