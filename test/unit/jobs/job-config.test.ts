import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../main/db/open.js';
import { migrate } from '../../../main/db/migrate.js';
import { JobConfigStore } from '../../../main/jobs/job-config.js';
import { ManualClock } from '../../../main/shared/clock.js';
import { HeraldError } from '../../../main/shared/errors.js';
import { catalogue } from '../../helpers/jobs/catalogue.js';
import { tempDir } from '../../helpers/tmp.js';

const dbs: Db[] = [];
function store(): JobConfigStore {
  const db = openDatabase(path.join(tempDir(), 'herald.sqlite'));
  migrate(db);
  dbs.push(db);
  return new JobConfigStore(db, new ManualClock(0), new Map(catalogue.map((j) => [j.id, j])));
}

function refused(fn: () => unknown): HeraldError {
  try {
    fn();
  } catch (e) {
    if (e instanceof HeraldError) return e;
    throw e;
  }
  throw new Error('not refused');
}

afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

describe('stored job configuration', () => {
  it('starts from the catalogue: disabled, default triggers, settings defaults filled in', () => {
    expect(store().get('rows')).toEqual({
      enabled: false,
      paused: false,
      triggers: [{ kind: 'cron', expression: '0 9 * * *' }],
      triggersCustomised: false,
      settings: { rows: 3, messages: 1, holdMs: 0, fail: false, fetchMs: 0 },
      settingsProblem: null,
    });
  });

  it('stores enabled, triggers and settings, and goes back to default triggers with null', () => {
    const s = store();
    s.update('rows', { enabled: true, triggers: [{ kind: 'cron', expression: '*/5 * * * *', timeZone: 'Europe/Berlin' }], settings: { rows: 9 } });
    expect(s.get('rows')).toMatchObject({ enabled: true, triggers: [{ kind: 'cron', expression: '*/5 * * * *', timeZone: 'Europe/Berlin' }], triggersCustomised: true, settings: { rows: 9, holdMs: 0 } });
    s.update('rows', { paused: true });
    expect(s.get('rows')).toMatchObject({ enabled: true, paused: true, triggersCustomised: true, settings: { rows: 9 } });
    s.update('rows', { triggers: null });
    expect(s.get('rows')).toMatchObject({ triggers: [{ kind: 'cron', expression: '0 9 * * *' }], triggersCustomised: false });
  });

  it('refuses an invalid cron expression or time zone naming the field, storing nothing', () => {
    const s = store();
    const bad = refused(() => s.update('rows', { enabled: true, triggers: [{ kind: 'cron', expression: '0 25 * * *' }] }));
    expect(bad.code).toBe('INVALID_TRIGGER');
    expect(bad.context.field).toBe('triggers.0.expression');
    const zone = refused(() => s.update('rows', { triggers: [{ kind: 'cron', expression: '0 9 * * *', timeZone: 'Asia/Beijing' }] }));
    expect(zone.context.field).toBe('triggers.0.timeZone');
    expect(s.get('rows')).toMatchObject({ enabled: false, triggersCustomised: false });
  });

  it('refuses settings the job’s schema rejects, naming the field', () => {
    const bad = refused(() => store().update('rows', { settings: { rows: -1 } }));
    expect(bad.code).toBe('INVALID_JOB_SETTINGS');
    expect(bad.context).toEqual({ jobId: 'rows', field: 'settings.rows' });
    expect(bad.message).toMatch(/^settings\.rows: /);
  });

  it('reports stored settings that no longer validate, and a run of the job fails on them', () => {
    const s = store();
    dbs[0]!.prepare("INSERT INTO job_settings (job_id, settings, updated_at) VALUES ('rows', '{\"rows\":\"many\"}', 0)").run();
    expect(s.get('rows').settingsProblem).toMatch(/^settings\.rows: /);
    expect(refused(() => s.runSettings('rows')).code).toBe('INVALID_JOB_SETTINGS');
  });

  it('names an unknown job', () => {
    expect(refused(() => store().get('nope')).message).toBe('There is no job "nope".');
  });

  it('remembers pause-all', () => {
    const s = store();
    expect(s.pausedAll()).toBe(false);
    s.setPausedAll(true);
    expect(s.pausedAll()).toBe(true);
  });
});
