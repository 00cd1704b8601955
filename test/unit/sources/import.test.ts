import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvToCardResult, jsonToCardResult, parseCsvRows, readRowsFile, rowsFromText } from '../../../main/sources/import.js';
import { fixturePath, readFixtureJson } from '../../helpers/fixtures.js';
import { tempDir } from '../../helpers/tmp.js';
import { thrown } from '../../helpers/errors.js';

const CONTRACT_CSV = fixturePath('repo-tests', 'ContractData-SH-May_01.csv');
const LEGACY_COLUMNS = [
  '合同ID(_id)', '活动城市(province)', '工单编号(serviceAppointmentNum)', 'Status', '管家(serviceHousekeeper)', '合同编号(contractdocNum)',
  '合同金额(adjustRefundMoney)', '支付金额(paidAmount)', '差额(difference)', 'State', '创建时间(createTime)', '服务商(orgName)',
  '签约时间(signedDate)', 'Doorsill', '款项来源类型(tradeIn)', '转化率(conversion)', '平均客单价(average)',
];

describe('CSV import', () => {
  it('reads v1\'s contract CSV into string records under the Chinese headers (spec §2.3)', () => {
    const { columns, records, lines } = parseCsvRows(fs.readFileSync(CONTRACT_CSV), 'ContractData-SH-May_01.csv');
    expect(columns).toEqual(LEGACY_COLUMNS);
    expect(records).toHaveLength(2);
    expect(lines).toEqual([2, 3]);
    expect(records[0]).toMatchObject({
      '合同ID(_id)': '6997900857389134380',
      '管家(serviceHousekeeper)': '杨理想',
      '合同金额(adjustRefundMoney)': '2000.0',
      '创建时间(createTime)': '2024-05-01T20:21:56.761+08:00',
      '转化率(conversion)': '0.6666666666666666',
    });
    expect(Object.values(records[1]!).every((v) => typeof v === 'string')).toBe(true);
  });

  it('gives the same rows with a UTF-8 BOM (utf-8-sig) and keeps empty cells as empty strings', () => {
    const plain = fs.readFileSync(CONTRACT_CSV, 'utf8');
    const withBom = csvToCardResult(`\ufeff${plain}`, 'bom.csv');
    expect(withBom.result).toEqual(csvToCardResult(plain, 'plain.csv').result);
    expect(withBom.result.cols[0]!.name).toBe('合同ID(_id)');
    expect(parseCsvRows('a,b\n1,\n\n2,x\n', 'e.csv')).toEqual({ columns: ['a', 'b'], records: [{ a: '1', b: '' }, { a: '2', b: 'x' }], lines: [2, 4] });
  });

  it('names file and line for malformed CSV', () => {
    const short = thrown(() => parseCsvRows('a,b,c\n1,2,3\n4,5\n', 'short.csv'));
    expect(short.code).toBe('SOURCE_CSV_INVALID');
    expect(short.message).toBe('File short.csv, line 3: Invalid Record Length: expect 3, got 2.');
    expect(short.context).toMatchObject({ file: 'short.csv', line: 3 });
    const quote = thrown(() => parseCsvRows('a,b\n1,"x"y\n', 'quote.csv'));
    expect(quote.message).toMatch(/^File quote\.csv, line 2, column 2: Invalid Closing Quote/);
    expect(thrown(() => parseCsvRows('a,b\n1,"open\n', 'open.csv')).message).toMatch(/^File open\.csv, line 2.*Quote Not Closed/);
    expect(thrown(() => parseCsvRows('a,a\n1,2\n', 'dup.csv')).message).toBe('File dup.csv, line 1: the column "a" appears twice in the header.');
  });
});

describe('JSON import', () => {
  it('turns a list of row objects into a card: declared columns first, missing keys null (monitors README)', () => {
    const rows = readFixtureJson<Array<Record<string, unknown>>>('monitors', 'offline-02', 'run-1.json');
    const declared = ['eventId', 'createTime', 'createUserName', '动作'];
    const { result } = jsonToCardResult(rows, 'run-1.json', declared);
    expect(result.cols.slice(0, 4).map((c) => c.name)).toEqual(declared);
    expect(result.rows).toHaveLength(rows.length);
    result.rows.forEach((row, i) => {
      result.cols.forEach((col, j) => expect(row[j]).toEqual(rows[i]![col.name] ?? null));
    });
  });

  it('reads positional arrays under a column list (technician status, card 719)', () => {
    const rows = readFixtureJson<unknown[][]>('monitors', 'technician-02', 'run-2.json');
    const { result } = jsonToCardResult(rows, 'run-2.json', ['id', 'time', 'name', 'company']);
    expect(result.cols.map((c) => c.name)).toEqual(['id', 'time', 'name', 'company', '4', '5']);
    expect(result.rows[0]).toEqual(['e23afa6fd53c0551b5723460', '2025-05-22T09:35:03.325454+08:00', '李国旗', '北京虹象防水工程有限公司', null, '下线']);
    expect(jsonToCardResult([], 'empty.json', ['a']).result).toEqual({ cols: [{ name: 'a' }], rows: [] });
  });

  it('accepts a raw Metabase answer, keeping display names', () => {
    const imported = rowsFromText(fs.readFileSync(fixturePath('monitors', 'ss-completion-02', 'run-4.json')), 'run-4.json');
    expect(imported.result.cols).toEqual([
      { name: 'contractdocNum', display_name: '合同编号' },
      { name: 'exts.endDateExts', display_name: 'endDateExts' },
    ]);
    expect(imported.result.rows[1]).toEqual(['YHWX-BJ-GCJZ-2026079744', 1784770824000]);
  });

  it('imports every monitors fixture run file', () => {
    const index = readFixtureJson<Array<{ id: string; runs: Array<{ file: string }> }>>('monitors', 'index.json');
    let files = 0;
    for (const item of index) {
      for (const run of item.runs) {
        const file = fixturePath('monitors', item.id, run.file);
        const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
        const { result } = readRowsFile(file);
        expect(result.rows).toHaveLength(Array.isArray(raw) ? raw.length : (raw as { data: { rows: unknown[] } }).data.rows.length);
        files += 1;
      }
    }
    expect(files).toBeGreaterThan(40);
  });

  it('keeps 19-digit ids exact', () => {
    const { result } = rowsFromText('[{"_id": 6997900857389134380, "amount": 2000.0, "rate": 0.6666666666666666}]', 'ids.json');
    expect(result.rows[0]).toEqual(['6997900857389134380', 2000, 0.6666666666666666]);
  });

  it('names file, line and column for invalid JSON, and the row for items of the wrong kind', () => {
    const syntax = thrown(() => rowsFromText('[\n  {"a": 1},\n  {"a": 2,}\n]', 'bad.json'));
    expect(syntax.code).toBe('SOURCE_JSON_INVALID');
    expect(syntax.message).toMatch(/^File bad\.json is not valid JSON \(line 3, column 11\): /);
    expect(syntax.context).toMatchObject({ file: 'bad.json', line: 3, column: 11 });
    const mixed = thrown(() => rowsFromText('[{"a": 1}, 5]', 'mixed.json'));
    expect(mixed.code).toBe('SOURCE_IMPORT_INVALID');
    expect(mixed.message).toBe('File mixed.json, row 2: expected an object of column → value, found the number 5.');
    expect(thrown(() => rowsFromText('{"rows": 3}', 'obj.json')).message).toBe('File obj.json holds neither a list of rows nor a Metabase answer {"data": {"cols", "rows"}}.');
    expect(thrown(() => rowsFromText('{"data": {"cols": [], "rows": [1]}}', 'raw.json')).message).toBe('File raw.json holds no usable rows: row 1 is not a list of values.');
  });

  it('reads files by extension and names unreadable or unknown ones', () => {
    const dir = tempDir();
    const csv = path.join(dir, 'rows.csv');
    fs.writeFileSync(csv, 'x,y\n1,2\n');
    expect(readRowsFile(csv)).toEqual({ result: { cols: [{ name: 'x' }, { name: 'y' }], rows: [['1', '2']] }, source: { file: csv, lines: [2] } });
    expect(thrown(() => readRowsFile(path.join(dir, 'rows.xlsx'))).code).toBe('SOURCE_FILE_UNREADABLE');
    fs.writeFileSync(path.join(dir, 'rows.xlsx'), '');
    expect(thrown(() => readRowsFile(path.join(dir, 'rows.xlsx'))).code).toBe('SOURCE_IMPORT_FORMAT');
  });
});
