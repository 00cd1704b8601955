import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, integrityCheck, inTransaction, withoutBusyWait } from '../../../main/db/open.js';
import { HeraldError } from '../../../main/shared/errors.js';
import { tempDir } from '../../helpers/tmp.js';

describe('openDatabase', () => {
  it('gives a clear DB_CORRUPT error for a file that is not SQLite', () => {
    const file = path.join(tempDir(), 'broken.sqlite');
    fs.writeFileSync(file, 'this is not a database, just some text that fills the header '.repeat(100));
    let error: unknown;
    try {
      openDatabase(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HeraldError);
    expect((error as HeraldError).code).toBe('DB_CORRUPT');
    expect((error as HeraldError).message).toContain(file);
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
