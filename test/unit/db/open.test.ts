import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, integrityCheck, inTransaction, withoutBusyWait } from '../../../main/db/open.js';
import { thrown } from '../../helpers/errors.js';
import { tempDir } from '../../helpers/tmp.js';

describe('openDatabase', () => {
  it('gives a clear DB_CORRUPT error for a file that is not SQLite', () => {
    const file = path.join(tempDir(), 'broken.sqlite');
    fs.writeFileSync(file, 'this is not a database, just some text that fills the header '.repeat(100));
    const error = thrown(() => openDatabase(file));
    expect(error.code).toBe('DB_CORRUPT');
    expect(error.message).toContain(file);
  });

  it('opens every connection in WAL mode with foreign keys, a busy timeout and synchronous NORMAL', () => {
    const file = path.join(tempDir(), 'pragmas.sqlite');
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    // SQLite reports synchronous as a number: 0 OFF, 1 NORMAL, 2 FULL.
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    const other = openDatabase(file, { busyTimeoutMs: 1234 });
    expect(other.pragma('busy_timeout', { simple: true })).toBe(1234);
    expect(other.pragma('foreign_keys', { simple: true })).toBe(1);
    other.close();
    db.close();
  });

  it('waits for another connection\'s write lock instead of failing at once', () => {
    const file = path.join(tempDir(), 'busy.sqlite');
    const holder = openDatabase(file);
    holder.exec('CREATE TABLE t (x INTEGER)');
    const waiter = openDatabase(file, { busyTimeoutMs: 300 });
    holder.exec('BEGIN IMMEDIATE');
    const started = Date.now();
    expect(() => waiter.exec('BEGIN IMMEDIATE')).toThrow(/busy|locked/i);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    holder.exec('COMMIT');
    waiter.exec('BEGIN IMMEDIATE; INSERT INTO t VALUES (1); COMMIT');
    expect(holder.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 1 });
    waiter.close();
    holder.close();
  });

  it('reports an intact database as ok', () => {
    const db = openDatabase(path.join(tempDir(), 'ok.sqlite'));
    expect(integrityCheck(db)).toEqual({ ok: true, problems: [] });
    db.close();
  });

  it('rolls back every write of a failed transaction', () => {
    const db = openDatabase(path.join(tempDir(), 'tx.sqlite'));
    db.exec('CREATE TABLE t (x INTEGER NOT NULL)');
    expect(() =>
      inTransaction(db, () => {
        db.prepare('INSERT INTO t VALUES (1)').run();
        db.prepare('INSERT INTO t VALUES (NULL)').run();
      }),
    ).toThrow();
    expect(db.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 0 });
    db.close();
  });

  it('fails a write at once while another connection holds the write lock, then waits again as before', () => {
    const file = path.join(tempDir(), 'busy.sqlite');
    const db = openDatabase(file);
    db.exec('CREATE TABLE t (x INTEGER)');
    const other = openDatabase(file);
    other.exec('BEGIN IMMEDIATE');
    expect(() => withoutBusyWait(db, () => db.prepare('INSERT INTO t VALUES (1)').run())).toThrow(expect.objectContaining({ code: 'SQLITE_BUSY' }));
    expect(withoutBusyWait(db, () => db.prepare('SELECT COUNT(*) AS n FROM t').get())).toEqual({ n: 0 });
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    other.exec('COMMIT');
    expect(withoutBusyWait(db, () => db.prepare('INSERT INTO t VALUES (1)').run().changes)).toBe(1);
    other.close();
    db.close();
  });
});
