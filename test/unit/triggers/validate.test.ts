import { describe, expect, it } from 'vitest';
import { assertValidTriggers, triggerIssues } from '../../../main/triggers/validate.js';
import { HeraldError } from '../../../main/shared/errors.js';

describe('trigger validation', () => {
  it('accepts 5- and 6-field cron expressions in IANA zones', () => {
    expect(triggerIssues({ kind: 'cron', expression: '0,30 8-23 * * *' }, 't')).toEqual([]);
    expect(triggerIssues({ kind: 'cron', expression: '*/10 * * * * *', timeZone: 'America/New_York' }, 't')).toEqual([]);
  });

  it('names the expression field for a bad cron expression', () => {
    expect(triggerIssues({ kind: 'cron', expression: '61 9 * * *' }, 'triggers.0')).toEqual([
      { field: 'triggers.0.expression', message: '"61 9 * * *" is not a valid cron expression: Constraint error, got value 61 expected range 0-59.' },
    ]);
    expect(triggerIssues({ kind: 'cron', expression: '0 9 * *' }, 'triggers.1')).toEqual([
      { field: 'triggers.1.expression', message: '"0 9 * *" has 4 fields; a cron expression has 5 (minute hour day month weekday) or 6 (with seconds first).' },
    ]);
  });

  it('names the time zone field for an unknown zone', () => {
    expect(triggerIssues({ kind: 'cron', expression: '0 9 * * *', timeZone: 'Mars/Olympus' }, 'triggers.0')).toEqual([
      { field: 'triggers.0.timeZone', message: '"Mars/Olympus" is not an IANA time zone (e.g. Asia/Shanghai, Europe/Berlin).' },
    ]);
  });

  it('refuses too short intervals and odd event names', () => {
    expect(triggerIssues({ kind: 'interval', everyMs: 10 }, 'triggers.0')[0]?.field).toBe('triggers.0.everyMs');
    expect(triggerIssues({ kind: 'event', name: 'has spaces' }, 'triggers.0')[0]?.field).toBe('triggers.0.name');
  });

  it('throws INVALID_TRIGGER naming the first bad field', () => {
    let error: unknown;
    try {
      assertValidTriggers([{ kind: 'cron', expression: '0 9 * * *' }, { kind: 'cron', expression: '0 9 * * *', timeZone: 'Nowhere' }], { jobId: 'sla-daily-report' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HeraldError);
    expect((error as HeraldError).code).toBe('INVALID_TRIGGER');
    expect((error as HeraldError).message).toBe('triggers.1.timeZone: "Nowhere" is not an IANA time zone (e.g. Asia/Shanghai, Europe/Berlin).');
    expect((error as HeraldError).context).toEqual({ jobId: 'sla-daily-report', field: 'triggers.1.timeZone', issues: 1 });
  });
});
