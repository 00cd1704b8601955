import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../main/db/open.js';
import { migrate } from '../../../main/db/migrate.js';
import { copyScopedRows, ensureSandbox, resetSandbox, sandboxFile, scratchCopy } from '../../../main/shadow/sandbox.js';
import { tempDir } from '../../helpers/tmp.js';

function store(file: string): Db {
  const db = openDatabase(file);
  migrate(db);
  return db;
}

const ledgerRow = (db: Db, code: string, contract: string) =>
  db.prepare("INSERT INTO campaign_ledger (activity_code, contract_id, header, row_json, created_at) VALUES (?, ?, 'h', ?, 't')").run(code, contract, JSON.stringify([contract]));
const ledger = (db: Db) => db.prepare('SELECT id, activity_code, contract_id, row_json FROM campaign_ledger ORDER BY id').all() as Array<{ id: number; activity_code: string; contract_id: string }>;
const SH_SEP = [{ table: 'campaign_ledger', where: 'activity_code = ?', params: ['SH-SEP'] }];

describe('sandbox stores and scoped state', () => {
  it('copies only the scope’s rows, in their order, leaving the target’s other rows and ids alone', () => {
    const dir = tempDir();
    const source = store(path.join(dir, 'source.sqlite'));
    const target = store(path.join(dir, 'target.sqlite'));
    ledgerRow(source, 'SH-SEP', 'C2');
    ledgerRow(source, 'BJ-SEP', 'B1');
    ledgerRow(source, 'SH-SEP', 'C1');
    ledgerRow(target, 'BJ-2025-07', 'J1');
    ledgerRow(target, 'SH-SEP', 'OLD');
    ledgerRow(target, 'BJ-SEP', 'B9');
    const before = ledger(target).filter((r) => r.activity_code !== 'SH-SEP');

    copyScopedRows(target, source.name, SH_SEP);

    const after = ledger(target);
    expect(after.filter((r) => r.activity_code !== 'SH-SEP')).toEqual(before);
    expect(after.filter((r) => r.activity_code === 'SH-SEP').map((r) => r.contract_id)).toEqual(['C2', 'C1']);
    // Fresh ids, above the target's own: no clash with the rows it keeps.
    expect(Math.min(...after.filter((r) => r.activity_code === 'SH-SEP').map((r) => r.id))).toBeGreaterThan(Math.max(...before.map((r) => r.id)));
    expect(ledger(source).map((r) => r.contract_id)).toEqual(['C2', 'B1', 'C1']);
  });

  it('creates a table the target lacks, keeps WITHOUT ROWID keys, and empties the scope when the source has no such table', () => {
    const dir = tempDir();
    const source = openDatabase(path.join(dir, 'source.sqlite'));
    const target = openDatabase(path.join(dir, 'target.sqlite'));
    source.exec('CREATE TABLE seen (job TEXT, key TEXT, PRIMARY KEY (job, key)) WITHOUT ROWID');
    source.exec("INSERT INTO seen VALUES ('a', 'k1'), ('b', 'k2'), ('a', 'k3')");
    copyScopedRows(target, source.name, [{ table: 'seen', where: 'job = ?', params: ['a'] }]);
    expect(target.prepare('SELECT job, key FROM seen ORDER BY key').all()).toEqual([
      { job: 'a', key: 'k1' },
      { job: 'a', key: 'k3' },
    ]);
    target.exec('CREATE TABLE mine (n INTEGER)');
    target.exec('INSERT INTO mine VALUES (1)');
    copyScopedRows(target, source.name, [{ table: 'mine' }]);
    expect(target.prepare('SELECT COUNT(*) AS n FROM mine').get()).toEqual({ n: 0 });
  });

  it('names sandboxes per job and pipeline, resets them empty or with the pipeline’s state from live, and makes scratch copies of the scope only', () => {
    const dir = tempDir();
    const live = store(path.join(dir, 'herald.sqlite'));
    ledgerRow(live, 'SH-SEP', 'C1');
    ledgerRow(live, 'BJ-SEP', 'B1');
    const a = sandboxFile(path.join(dir, 'sandbox'), 'campaign-sh-2025-09', 'v1-ledger');
    expect(a).not.toBe(sandboxFile(path.join(dir, 'sandbox'), 'campaign-sh-2025-09', 'v1-db'));
    expect(path.basename(a)).toMatch(/^campaign-sh-2025-09--v1-ledger-[0-9a-f]{8}\.sqlite$/);

    resetSandbox(a, { live, scopes: SH_SEP });
    const sandbox = openDatabase(a, { readonly: true });
    expect(ledger(sandbox).map((r) => r.contract_id)).toEqual(['C1']);
    sandbox.close();
    resetSandbox(a, 'empty');
    const empty = openDatabase(ensureSandbox(a), { readonly: true });
    expect(ledger(empty)).toEqual([]);
    empty.close();

    const scratch = scratchCopy(live, SH_SEP);
    const copy = openDatabase(scratch.file, { readonly: true });
    expect(ledger(copy).map((r) => r.contract_id)).toEqual(['C1']);
    copy.close();
    scratch.dispose();
    expect(fs.existsSync(scratch.file)).toBe(false);
  });
});
