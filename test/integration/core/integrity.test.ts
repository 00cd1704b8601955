import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { startTestServer } from '../../helpers/headless.js';
import { tempDir } from '../../helpers/tmp.js';

/** Damages the pages of one index in a Herald database that otherwise opens fine. */
function damageAnIndex(file: string): void {
  const db = new Database(file);
  db.exec('CREATE TABLE damaged (x INTEGER); CREATE INDEX damaged_x ON damaged (x);');
  const insert = db.prepare('INSERT INTO damaged VALUES (?)');
  for (let i = 0; i < 50; i += 1) insert.run(i);
  db.pragma('wal_checkpoint(TRUNCATE)');
  const root = db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'damaged_x'").pluck().get() as number;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(200, 0x7f), 0, 200, root * pageSize - 200);
  fs.closeSync(fd);
}

describe('integrity check at start', () => {
  it('starts on a damaged database and reports it clearly: health, status, log', async () => {
    const dataDir = tempDir();
    const first = await startTestServer({ dataDir });
    expect((await first.call('health')).integrity).toEqual({ ok: true, problems: [] });
    await first.stop();
    damageAnIndex(path.join(dataDir, 'herald.sqlite'));

    const s = await startTestServer({ dataDir });
    const health = await s.call('health');
    expect(health.integrity.ok).toBe(false);
    expect(health.integrity.problems.join('\n')).toMatch(/damaged_x/);
    const status = await s.call('status.get');
    expect(status.state).toBe('failed');
    expect(status.failures).toEqual([expect.objectContaining({ kind: 'integrity' })]);
    const { entries } = await s.call('logs.tail', { limit: 200, minLevel: 'error' });
    expect(entries.some((e) => /integrity/i.test(e.message))).toBe(true);
  });
});
