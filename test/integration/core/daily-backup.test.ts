import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { startTestServer } from '../../helpers/headless.js';
import { tempDir } from '../../helpers/tmp.js';
import { waitFor } from '../../helpers/wait.js';

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

describe('daily backup', () => {
  it('backs up at start when the last daily copy is a day old, keeping the newest 7 daily copies', async () => {
    const dataDir = tempDir();
    const backups = path.join(dataDir, 'backups');
    fs.mkdirSync(backups);
    // Eight daily copies from earlier days (the newest two days old) and one manual copy.
    const old = Array.from({ length: 8 }, (_, i) => `herald-202601${String(i + 10)}-030000-daily.sqlite`);
    old.forEach((name, i) => {
      const file = path.join(backups, name);
      fs.writeFileSync(file, 'old copy');
      fs.utimesSync(file, daysAgo(10 - i), daysAgo(10 - i));
    });
    fs.writeFileSync(path.join(backups, 'herald-20260101-120000-manual.sqlite'), 'manual copy');

    const s = await startTestServer({ dataDir });
    expect(s.herald.settings().backupKeep).toBe(7);
    const daily = () => fs.readdirSync(backups).filter((n) => n.includes('-daily')).sort();
    const fresh = await waitFor(() => daily().find((n) => !old.includes(n)), 'a new daily backup');
    await waitFor(() => daily().length === 7, 'old daily copies pruned');
    expect(daily()).toEqual([...old.slice(-6), fresh].sort());
    expect(fs.existsSync(path.join(backups, 'herald-20260101-120000-manual.sqlite'))).toBe(true);

    // The new copy is a real database of this Herald, listed by the API.
    const copy = new Database(path.join(backups, fresh), { readonly: true });
    expect((copy.prepare('SELECT MAX(version) AS v FROM schema_version').get() as { v: number }).v).toBe(s.herald.schemaVersion());
    copy.close();
    expect((await s.call('db.backups')).backups.map((b) => b.name)).toContain(fresh);
  });

  it('writes no second daily copy while the last one is less than a day old', async () => {
    const dataDir = tempDir();
    const first = await startTestServer({ dataDir });
    const backups = path.join(dataDir, 'backups');
    await waitFor(() => fs.existsSync(backups) && fs.readdirSync(backups).some((n) => n.includes('-daily')), 'the first daily backup');
    await first.stop();
    const s = await startTestServer({ dataDir });
    await s.herald.stop(); // waits for a backup in progress
    expect(fs.readdirSync(backups).filter((n) => n.includes('-daily'))).toHaveLength(1);
  });
});
