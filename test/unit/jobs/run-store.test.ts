import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../main/db/open.js';
import { migrate } from '../../../main/db/migrate.js';
import { RunStore } from '../../../main/jobs/run-store.js';
import { tempDir } from '../../helpers/tmp.js';

const dbs: Db[] = [];
function store(): { db: Db; runs: RunStore } {
  const db = openDatabase(path.join(tempDir(), 'herald.sqlite'));
  migrate(db);
  dbs.push(db);
  return { db, runs: new RunStore(db) };
}

afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

describe('run store', () => {
  it('after a crash: committed runs succeeded, other queued or running runs are interrupted', () => {
    const { db, runs } = store();
    const run = (status: 'queued' | 'running' | 'succeeded') => {
      const id = runs.insert({ jobId: 'job', kind: 'cron', scheduledAt: 1000, status: 'queued' }, 1000);
      if (status !== 'queued') runs.markRunning(id, 1001, 'main');
      if (status === 'succeeded') runs.finish(id, { status: 'succeeded', durationMs: 5 }, 1006);
      return id;
    };
    const queued = run('queued');
    const running = run('running');
    const committed = run('running');
    db.prepare('UPDATE runs SET committed_at = 1500 WHERE id = ?').run(committed);
    const done = run('succeeded');

    expect(runs.recoverAfterCrash(2000)).toEqual({ interrupted: 2, committed: 1 });
    expect(runs.get(queued)).toMatchObject({ status: 'interrupted', finished_at: 2000, error_message: 'Herald stopped while this run was queued; nothing it would have written was kept.' });
    expect(runs.get(running)).toMatchObject({ status: 'interrupted', error_message: 'Herald stopped while this run was running; nothing it would have written was kept.' });
    expect(runs.get(committed)).toMatchObject({ status: 'succeeded', finished_at: 2000 });
    expect(runs.get(done)).toMatchObject({ status: 'succeeded', finished_at: 1006 });
  });

  it('records a skipped firing as ended, with its reason', () => {
    const { runs } = store();
    const id = runs.insert({ jobId: 'job', kind: 'cron', scheduledAt: 1000, status: 'skipped', error: { code: 'OVERLAP_SKIPPED', message: 'Skipped.' } }, 1200);
    expect(runs.get(id)).toMatchObject({ status: 'skipped', created_at: 1200, finished_at: 1200, error_code: 'OVERLAP_SKIPPED' });
    expect(runs.lastFinished('job')).toBeUndefined();
  });
});
