import cronParser from 'cron-parser';
import type { TriggerSpec } from '../jobs/types.js';
import { HeraldError } from '../shared/errors.js';

export interface TriggerIssue {
  /** Path of the offending field, e.g. `triggers.0.expression`. */
  field: string;
  message: string;
}

export const MIN_INTERVAL_MS = 1000;

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** What is wrong with one trigger, field by field; empty when the scheduler can take it. */
export function triggerIssues(spec: TriggerSpec, path: string): TriggerIssue[] {
  switch (spec.kind) {
    case 'cron': {
      const issues: TriggerIssue[] = [];
      if (spec.timeZone !== undefined && !isValidTimeZone(spec.timeZone)) {
        issues.push({ field: `${path}.timeZone`, message: `"${spec.timeZone}" is not an IANA time zone (e.g. Asia/Shanghai, Europe/Berlin).` });
      }
      const fields = spec.expression.trim().split(/\s+/).length;
      if (fields !== 5 && fields !== 6) {
        issues.push({ field: `${path}.expression`, message: `"${spec.expression}" has ${fields} fields; a cron expression has 5 (minute hour day month weekday) or 6 (with seconds first).` });
      } else {
        try {
          cronParser.parseExpression(spec.expression, { tz: 'UTC' }).next();
        } catch (err) {
          issues.push({ field: `${path}.expression`, message: `"${spec.expression}" is not a valid cron expression: ${(err as Error).message}.` });
        }
      }
      return issues;
    }
    case 'interval':
      return Number.isInteger(spec.everyMs) && spec.everyMs >= MIN_INTERVAL_MS
        ? []
        : [{ field: `${path}.everyMs`, message: `An interval must be a whole number of milliseconds, at least ${MIN_INTERVAL_MS}.` }];
    case 'event':
      return /^[\w.:-]{1,100}$/.test(spec.name)
        ? []
        : [{ field: `${path}.name`, message: `"${spec.name}" is not a valid event name (letters, digits, '.', ':', '-', '_'; up to 100).` }];
  }
}

/** Refuses a trigger list the scheduler cannot take, naming the first bad field. */
export function assertValidTriggers(specs: readonly TriggerSpec[], context: { jobId: string }): void {
  const issues = specs.flatMap((spec, i) => triggerIssues(spec, `triggers.${i}`));
  const first = issues[0];
  if (first) {
    throw new HeraldError('INVALID_TRIGGER', `${first.field}: ${first.message}`, { jobId: context.jobId, field: first.field, issues: issues.length });
  }
}
