import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/db/open.js';
import { herald } from '../../helpers/cli.js';
import { withTestJobs } from '../../helpers/cli/follow-up.js';
import { fixturePath } from '../../helpers/fixtures.js';
import { suiteTempDir as tempDir } from '../../helpers/suite-tmp.js';

const runCount = (dataDir: string) => {
  const db = openDatabase(path.join(dataDir, 'herald.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT COUNT(*) FROM runs').pluck().get();
  } finally {
    db.close();
  }
};
const slaRun = (dataDir: string) => withTestJobs(dataDir, (run) => run('sla-daily-report', fixturePath('monitors', 'sla-02', 'run-1.json'), '2026-10-29T08:10:00+08:00'));

describe('herald db', () => {
  it('backup to the backups folder or a file, check, and restore a file (the database before it kept)', async () => {
    const dataDir = tempDir();
    await slaRun(dataDir);
    const cli = (...args: string[]) => herald(['--data-dir', dataDir, 'db', ...args]);

    const inFolder = await cli('backup');
    expect(inFolder.code).toBe(0);
    expect(inFolder.stdout).toMatch(new RegExp(`^Backup written: ${path.join(dataDir, 'backups', 'herald-\\d{8}-\\d{6}-manual\\.sqlite')} \\(\\d+ bytes\\)\\n$`));
    const file = path.join(tempDir(), 'before.sqlite');
    expect((await cli('backup', file)).code).toBe(0);
    expect(fs.existsSync(file)).toBe(true);
    const again = await cli('backup', file);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);

    expect((await cli('check')).stdout).toBe(`${path.join(dataDir, 'herald.sqlite')}: integrity ok, schema ${(await cli('check')).stdout.match(/schema (\d+)/)![1]}.\n`);

    await slaRun(dataDir);
    expect(runCount(dataDir)).toBe(2);
    const restored = await cli('restore', file);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/^Restored from .*before\.sqlite; the database before it is kept as .*herald-\d{8}-\d{6}-pre-restore\.sqlite\.\n$/);
    expect(runCount(dataDir)).toBe(1);
  });

  it('check fails with one line on a corrupt database; restore refuses a file that is no backup and leaves the database alone', async () => {
    const dataDir = tempDir();
    await slaRun(dataDir);
    const junk = path.join(tempDir(), 'junk.sqlite');
    fs.writeFileSync(junk, 'x'.repeat(8192));
    const refused = await herald(['--data-dir', dataDir, 'db', 'restore', junk]);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(refused.stderr).toMatch(/cannot be read|fails the integrity check/);
    expect(runCount(dataDir)).toBe(1);
    const backups = path.join(dataDir, 'backups');
    expect(fs.existsSync(backups) ? fs.readdirSync(backups).filter((f) => f.includes('restore-source')) : []).toEqual([]);

    const missing = await herald(['--data-dir', dataDir, 'db', 'restore', path.join(dataDir, 'nope.sqlite')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/There is no file .*nope\.sqlite/);

    const broken = tempDir();
    fs.writeFileSync(path.join(broken, 'herald.sqlite'), 'this is not a database, just some text'.repeat(200));
    const check = await herald(['--data-dir', broken, 'db', 'check']);
    expect(check.code).toBe(1);
    expect(check.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(check.stderr).toMatch(/not a valid SQLite database|Restore it from a backup/);
  });
});
