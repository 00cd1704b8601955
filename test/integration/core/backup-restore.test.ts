import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startTestServer } from '../../helpers/headless.js';

describe('backup and restore', () => {
  it('round-trips: a setting changed after the backup is undone by the restore, with a safety copy kept', async () => {
    const s = await startTestServer();
    await s.call('settings.set', { backupKeep: 4 });
    const backup = await s.call('db.backup');
    await s.call('settings.set', { backupKeep: 9 });
    const result = await s.call('db.restore', { name: backup.name });
    expect(result.restoredFrom).toBe(backup.name);
    expect(result.safetyCopy).toMatch(/pre-restore/);
    expect((await s.call('settings.get')).backupKeep).toBe(4);
    const names = (await s.call('db.backups')).backups.map((b) => b.name);
    expect(names).toContain(result.safetyCopy);
    expect(s.herald.isRunning).toBe(true);
  });

  it('refuses to restore a file that is not a good backup and leaves the database untouched', async () => {
    const s = await startTestServer();
    await s.call('settings.set', { backupKeep: 5 });
    fs.mkdirSync(s.herald.paths.backupsDir, { recursive: true });
    fs.writeFileSync(`${s.herald.paths.backupsDir}/herald-20260101-000000-manual.sqlite`, 'garbage '.repeat(200));
    const res = await s.raw('db.restore', { name: 'herald-20260101-000000-manual.sqlite' });
    expect(res.body).toMatchObject({ ok: false, error: { code: 'BACKUP_CORRUPT' } });
    expect((await s.call('settings.get')).backupKeep).toBe(5);
  });

  it('exports a diagnostics zip with logs, settings and schema', async () => {
    const s = await startTestServer();
    const { file, sizeBytes } = await s.call('diagnostics.export');
    expect(sizeBytes).toBeGreaterThan(100);
    const { unzipSync, strFromU8 } = await import('fflate');
    const entries = unzipSync(fs.readFileSync(file));
    expect(Object.keys(entries)).toEqual(expect.arrayContaining(['about.json', 'settings.json', 'schema.json']));
    expect(Object.keys(entries).some((n) => n.startsWith('logs/herald-'))).toBe(true);
    expect(JSON.parse(strFromU8(entries['schema.json']!))).toMatchObject({ version: expect.any(Number) });
  });
});
