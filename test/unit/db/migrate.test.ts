import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/db/open.js';
import { currentVersion, latestVersion, migrate } from '../../../main/db/migrate.js';
import { migrations } from '../../../main/db/migrations/index.js';
import type { Migration } from '../../../main/db/migrations/types.js';
import { thrown } from '../../helpers/errors.js';
import { tempDir } from '../../helpers/tmp.js';

const file = () => path.join(tempDir(), 'db.sqlite');

describe('migrations', () => {
  it('applies every migration to an empty database and records each one', () => {
    const db = openDatabase(file());
    const report = migrate(db);
    expect(report.from).toBe(0);
    expect(report.applied.map((m) => m.version)).toEqual([...migrations].map((m) => m.version).sort((a, b) => a - b));
    expect(currentVersion(db)).toBe(latestVersion());
    const recorded = db.prepare('SELECT version FROM schema_version ORDER BY version').all() as Array<{ version: number }>;
    expect(recorded).toHaveLength(migrations.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('is idempotent: a second run applies nothing', () => {
    const db = openDatabase(file());
    migrate(db);
    expect(migrate(db).applied).toEqual([]);
    db.close();
  });

  it('refuses a database written by a newer Herald, naming both versions', () => {
    const db = openDatabase(file());
    migrate(db);
    db.prepare('INSERT INTO schema_version (version, name) VALUES (?, ?)').run(latestVersion() + 50, 'from the future');
    const error = thrown(() => migrate(db));
    expect(error.code).toBe('DB_NEWER_SCHEMA');
    expect(error.message).toContain(String(latestVersion() + 50));
    db.close();
  });

  it('applies all pending migrations in one transaction: a failing one leaves nothing behind', () => {
    const db = openDatabase(file());
    const list: Migration[] = [
      { version: 1, name: 'ok', up: 'CREATE TABLE a (x INTEGER)' },
      { version: 2, name: 'broken', up: 'CREATE TABLE b (x INTEGER); INSERT INTO missing VALUES (1)' },
    ];
    expect(() => migrate(db, list)).toThrowError(/Migration 2 \(broken\) failed/);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name IN ('a','b')").all();
    expect(tables).toEqual([]);
    expect(currentVersion(db)).toBe(0);
    db.close();
  });

  it('applies a lower-numbered migration that arrives after a higher one', () => {
    const db = openDatabase(file());
    migrate(db, [{ version: 300, name: 'late range', up: 'CREATE TABLE c (x)' }]);
    const report = migrate(db, [
      { version: 300, name: 'late range', up: 'CREATE TABLE c (x)' },
      { version: 150, name: 'earlier range', up: 'CREATE TABLE d (x)' },
    ]);
    expect(report.applied).toEqual([{ version: 150, name: 'earlier range' }]);
    db.close();
  });
});
