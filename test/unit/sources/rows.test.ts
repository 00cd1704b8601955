import { describe, expect, it } from 'vitest';
import { CardRows, cardRecord } from '../../../main/sources/rows.js';
import { jsonToCardResult, csvToCardResult } from '../../../main/sources/import.js';
import type { CardResult } from '../../../main/sources/types.js';
import { readFixtureJson } from '../../helpers/fixtures.js';
import { thrown } from '../../helpers/errors.js';

const SERVER = 'http://metabase.example:3000';
const SLA_COLUMNS = ['_id', 'sid', 'saCreateTime', 'orderNum', 'province', 'orgName', 'supervisorName', 'sourceType', 'status', 'msg', 'memo', 'workType', 'createTime'];
const PENDING_POSITIONS = ['orderNum', 'name', 'address', 'supervisorName', 'createTime', 'orgName', 'orderstatus'];

function sla(): CardRows {
  const rows = readFixtureJson<unknown[]>('monitors', 'sla-02', 'run-1.json');
  return new CardRows(jsonToCardResult(rows, 'run-1.json', SLA_COLUMNS).result, { card: 1514, server: SERVER });
}

describe('card rows', () => {
  it('reads typed values by column name (SLA card 1514 fixture)', () => {
    const rows = sla();
    const first = rows.row(0);
    expect(first.rowNumber).toBe(1);
    expect(first.string('orderNum')).toBe('GD20261027159796');
    expect(first.int('sourceType')).toBe(5);
    expect(first.int('status')).toBe(20);
    expect(first.datetime('saCreateTime')).toMatchObject({ epochMs: Date.parse('2026-10-26T16:24:58.280Z'), offsetMinutes: 0 });
    expect(first.datetime('createTime').epochMs).toBe(Date.parse('2026-10-28T17:00:00.676Z'));
    expect([...rows].map((r) => r.string('supervisorName'))).toHaveLength(rows.length);
  });

  it('keys records by name and by display name without letting a display name overwrite a name (spec §7.5)', () => {
    const raw = readFixtureJson('monitors', 'ss-completion-02', 'run-4.json');
    const rows = new CardRows(jsonToCardResult(raw, 'run-4.json').result, { card: 2016 });
    expect(rows.records()[0]).toEqual({ contractdocNum: 'YHWX-SH-JSJZ-2026073189', 合同编号: 'YHWX-SH-JSJZ-2026073189', 'exts.endDateExts': '2026-07-24', endDateExts: '2026-07-24' });
    expect(rows.row(1).raw('endDateExts')).toBe(1784770824000);
    expect(rows.hasColumn('exts.endDateExts') && rows.hasColumn('endDateExts')).toBe(true);
    const cols = [
      { name: 'a', display_name: 'b' },
      { name: 'b', display_name: 'B' },
    ];
    expect(cardRecord(cols, [1, 2])).toEqual({ a: 1, b: 2, B: 2 });
    expect(cardRecord(cols, [1])).toEqual({ a: 1, b: 1 });
  });

  it('checks columns up front, naming every missing one, the card and what it has', () => {
    const err = thrown(() => sla().requireColumns(['orderNum', 'amount', 'region']));
    expect(err.code).toBe('SOURCE_MISSING_COLUMN');
    expect(err.message).toBe(`Card 1514 on ${SERVER} has no column "amount", "region" (it has: ${SLA_COLUMNS.join(', ')}).`);
    expect(err.context).toMatchObject({ card: 1514, server: SERVER, column: 'amount' });
    expect(thrown(() => sla().row(0).raw('nope')).code).toBe('SOURCE_MISSING_COLUMN');
  });

  it('names card, row (from 1) and column when a value cannot be parsed or is missing', () => {
    const result: CardResult = {
      cols: [{ name: 'id' }, { name: 'amount' }, { name: 'signedAt' }],
      rows: [
        ['C1', 100, '2025-10-01T09:00:00+08:00'],
        ['C2', 'abc', '2025-10-01T09:00:00+08:00'],
        ['C3', null, 'yesterday'],
      ],
    };
    const rows = new CardRows(result, { card: 1883, server: SERVER });
    const bad = thrown(() => rows.row(1).number('amount'));
    expect(bad.code).toBe('SOURCE_VALUE_INVALID');
    expect(bad.message).toBe(`Card 1883 on ${SERVER}, row 2, column "amount": "abc" is not a number.`);
    expect(bad.context).toEqual({ card: 1883, server: SERVER, row: 2, column: 'amount', value: '"abc"' });
    const missing = thrown(() => rows.row(2).number('amount'));
    expect(missing.code).toBe('SOURCE_VALUE_MISSING');
    expect(missing.message).toBe(`Card 1883 on ${SERVER}, row 3, column "amount": the value is missing (expected a number).`);
    expect(rows.row(2).optionalNumber('amount')).toBeNull();
    const date = thrown(() => rows.row(2).datetime('signedAt'));
    expect(date.message).toContain('row 3, column "signedAt": "yesterday" is not a date-time with an offset');
    expect(thrown(() => rows.row(2).string('amount')).code).toBe('SOURCE_VALUE_MISSING');
    expect(thrown(() => rows.row(0).int('id')).message).toContain('"C1" is not a whole number');
  });

  it('names the file and its line for imported rows', () => {
    const csv = 'id,amount\nC1,100\nC2,\nC3,1O0\n';
    const { result, source } = csvToCardResult(csv, 'manual.csv');
    const rows = new CardRows(result, source);
    expect(rows.row(0).number('amount')).toBe(100);
    expect(rows.row(1).optionalNumber('amount')).toBeNull();
    const err = thrown(() => rows.row(2).number('amount'));
    expect(err.message).toBe('File manual.csv, row 3 (line 4), column "amount": "1O0" is not a number.');
    expect(err.context).toMatchObject({ file: 'manual.csv', row: 3, line: 4, column: 'amount' });
  });

  it('reads positional cards under the job\'s own column list (pending orders, card 1712)', () => {
    const objects = readFixtureJson<Array<Record<string, unknown>>>('monitors', 'pending-02', 'run-1.json');
    const positional: CardResult = { cols: PENDING_POSITIONS.map((_, i) => ({ name: `col_${i}` })), rows: objects.map((o) => PENDING_POSITIONS.map((k) => o[k] ?? null)) };
    const rows = CardRows.positional(positional, PENDING_POSITIONS, { card: 1712 });
    expect(rows.row(0).string('orderNum')).toBe('YY2477');
    expect(rows.row(0).datetime('createTime').microsecond).toBe(260_000);
    expect(rows.row(1).string('orgName')).toBe('北京虹象防水工程有限公司');
  });

  it('refuses a positional card narrower than the job reads', () => {
    const narrow: CardResult = { cols: [{ name: 'a' }, { name: 'b' }], rows: [['x', 'y']] };
    const err = thrown(() => CardRows.positional(narrow, PENDING_POSITIONS, { card: 1712, server: SERVER }));
    expect(err.code).toBe('SOURCE_MISSING_COLUMN');
    expect(err.message).toBe(`Card 1712 on ${SERVER} returns 2 columns, but the job reads 7 by position (missing: address, supervisorName, createTime, orgName, orderstatus).`);
  });

  it('reports a row that is not a list', () => {
    const rows = new CardRows({ cols: [{ name: 'a' }], rows: [['x'], 'oops' as unknown as unknown[]] }, { card: 5 });
    expect(thrown(() => [...rows]).message).toBe('Card 5, row 2 is not a list of values.');
  });
});
