import crypto from 'node:crypto';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../main/db/open.js';
import { migrate } from '../../../main/db/migrate.js';
import { loadInput, prepareInput } from '../../../main/jobs/input-store.js';
import { storeInput } from '../../../main/jobs/snapshot-writer.js';
import { tempDir } from '../../helpers/tmp.js';

const NOW = Date.parse('2026-09-01T12:00:00+08:00');
const dbs: Db[] = [];

function store(): { db: Db; file: string } {
  const file = path.join(tempDir(), 'herald.sqlite');
  const db = openDatabase(file);
  migrate(db);
  dbs.push(db);
  return { db, file };
}

afterEach(() => {
  for (const d of dbs.splice(0)) d.close();
});

const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');
/** About 5 MB of JSON (over 64 KB compressed): past the size stored on the main thread, so a worker thread stores it. */
const bigInput = () => ({ rows: Array.from({ length: 60_000 }, (_, i) => ({ contractId: `BJ-${(i * 7919) % 100_003}`, amount: i * 1.5, signedAt: '2025-06-01', sales: `seller ${i % 97}` })) });

describe('storeInput', () => {
  it('stores a big input through a worker thread under the sha256 of its JSON text, and reads back equal', async () => {
    const { db, file } = store();
    const input = bigInput();
    const storing = storeInput(db, file, input, NOW);
    expect(storing).toBeInstanceOf(Promise);
    const stored = await storing;
    const text = JSON.stringify(input);
    expect(stored).toEqual({ ref: sha256(text), sizeBytes: Buffer.byteLength(text) });
    expect(loadInput(db, stored.ref)).toEqual(input);
    expect(db.prepare('SELECT size_bytes, created_at FROM run_inputs WHERE ref = ?').get(stored.ref)).toEqual({ size_bytes: text.length, created_at: NOW });
  });

  it('stores a small input at once on the caller’s connection, once for identical inputs', () => {
    const { db, file } = store();
    const first = storeInput(db, file, { values: [2, 3] }, NOW);
    const again = storeInput(db, file, { values: [2, 3] }, NOW + 1);
    expect(first).toEqual({ ref: sha256('{"values":[2,3]}'), sizeBytes: '{"values":[2,3]}'.length });
    expect(again).toEqual(first);
    expect(db.prepare('SELECT COUNT(*) AS n FROM run_inputs').get()).toEqual({ n: 1 });
    expect(loadInput(db, sha256('{"values":[2,3]}'))).toEqual({ values: [2, 3] });
  });

  it('stores a snapshot prepared elsewhere (a big card) as it is', async () => {
    const { db, file } = store();
    const input = bigInput();
    const prepared = prepareInput(input);
    // Its bytes move to the worker thread (transferred): the prepared snapshot is spent.
    const bytes = Buffer.from(prepared.data);
    const stored = await storeInput(db, file, prepared, NOW);
    expect(stored).toEqual({ ref: prepared.ref, sizeBytes: prepared.sizeBytes });
    expect((db.prepare('SELECT data FROM run_inputs WHERE ref = ?').get(stored.ref) as { data: Buffer }).data.equals(bytes)).toBe(true);
    expect(loadInput(db, stored.ref)).toEqual(input);
  });

  it('waits for another connection’s write lock instead of failing', async () => {
    const { db, file } = store();
    const other = openDatabase(file);
    dbs.push(other);
    other.exec('BEGIN IMMEDIATE');
    other.prepare("INSERT INTO settings (key, value) VALUES ('held', '1')").run();
    let settled = false;
    const storing = Promise.resolve(storeInput(db, file, bigInput(), NOW)).finally(() => (settled = true));
    await new Promise((r) => setTimeout(r, 1500));
    expect(settled).toBe(false);
    other.exec('COMMIT');
    const stored = await storing;
    expect(loadInput(db, stored.ref)).toEqual(bigInput());
  });

  it('refuses a value that is not JSON, storing nothing', async () => {
    const { db, file } = store();
    expect(() => storeInput(db, file, undefined, NOW)).toThrow(expect.objectContaining({ code: 'INVALID_RUN_INPUT' }));
    expect(() => storeInput(db, file, { id: BigInt(1) }, NOW)).toThrow(/BigInt/);
    const { rows } = bigInput();
    await expect(storeInput(db, file, { rows: [...rows, { id: BigInt(1) }] }, NOW)).rejects.toThrow(/BigInt/);
    expect(db.prepare('SELECT COUNT(*) AS n FROM run_inputs').get()).toEqual({ n: 0 });
  });
});
