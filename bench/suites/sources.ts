import { stringify } from 'csv-stringify/sync';
import { startFakeMetabase } from '../../main/demo/fake-metabase.js';
import { MetabaseHttpClient } from '../../main/sources/metabase/client.js';
import { memorySessionStore } from '../../main/sources/metabase/session.js';
import { toCardResult } from '../../main/sources/card-result.js';
import { parseJson } from '../../main/sources/json.js';
import { csvToCardResult } from '../../main/sources/import.js';
import { CardRows } from '../../main/sources/rows.js';
import { systemClock } from '../../main/shared/clock.js';
import type { CardResult } from '../../main/sources/types.js';

/**
 * Data sources on a big card: 50,000 contract rows of 22 columns (the BJ September shape).
 * Parsing Metabase's answer (fast path, and the lossless path taken when ids are 19-digit numbers),
 * a CSV import of the same rows, typed reading, and a whole query through the fake server.
 */
const ROWS = 50_000;
const COLUMNS = ['_id', 'province', 'serviceAppointmentNum', 'Status', 'serviceHousekeeper', 'contractdocNum', 'adjustRefundMoney', 'paidAmount', 'difference', 'State',
  'createTime', 'orgName', 'signedDate', 'Doorsill', 'tradeIn', 'conversion', 'average', 'serviceHousekeeperId', 'sourceType', 'contactsAddress', 'projectAddress', 'pcContractdocNum'];

function card(numericIds: boolean): CardResult {
  const rows = Array.from({ length: ROWS }, (_, i) => [
    numericIds ? `69979008573891${String(i).padStart(5, '0')}` : `C${i}`, '110000', `GD${i}`, 1, `管家${i % 300}`, `YHWX-BJ-${i}`, 1000 + (i % 97) * 100, 1000, 0, 1,
    '2025-09-01T10:00:00.123+08:00', `服务商${i % 40}`, '2025-09-02T11:22:33.456789+08:00', 30000, 1, 0.6666666666666666, 2299.5, `HK${i % 300}`, 2, `地址${i}`, `项目地址${i}`, '',
  ]);
  return { cols: COLUMNS.map((name) => ({ name })), rows };
}

function time<T>(fn: () => T): { ms: number; value: T } {
  const started = performance.now();
  const value = fn();
  return { ms: Math.round(performance.now() - started), value };
}

export async function run(): Promise<Record<string, unknown>> {
  const plain = card(false);
  const body = JSON.stringify({ data: plain, row_count: ROWS, status: 'completed' });
  // 19-digit ids as JSON numbers, as a numeric id column would come.
  const bigBody = JSON.stringify({ data: card(true) }).replace(/"(69979008573891\d{5})"/g, '$1');
  const fast = time(() => toCardResult(parseJson(body, {}), { card: 1 }));
  const lossless = time(() => toCardResult(parseJson(bigBody, {}), { card: 1 }));
  const csvText = stringify([COLUMNS, ...plain.rows]);
  const csv = time(() => csvToCardResult(csvText, 'bench.csv'));
  const typed = time(() => {
    let sum = 0;
    for (const r of new CardRows(fast.value, { card: 1 }).requireColumns(['adjustRefundMoney', 'signedDate', 'serviceHousekeeper'])) {
      sum += r.number('adjustRefundMoney') + r.datetime('signedDate').epochMs * 0 + r.string('serviceHousekeeper').length * 0;
    }
    return sum;
  });

  const mb = await startFakeMetabase({ cards: { 1864: plain } });
  const rssBefore = process.memoryUsage().rss;
  const client = new MetabaseHttpClient({
    connection: () => ({ url: mb.url, username: mb.username, password: mb.password, timeoutMs: 60_000 }),
    sessions: memorySessionStore(),
    clock: systemClock,
  });
  await client.login();
  const started = performance.now();
  const result = await client.queryCard(1864);
  const queryMs = Math.round(performance.now() - started);
  const rssAfter = process.memoryUsage().rss;
  await mb.close();

  return {
    rows: ROWS,
    columns: COLUMNS.length,
    answerMB: Math.round((body.length / 1024 / 1024) * 10) / 10,
    parseMs: fast.ms,
    parseLosslessMs: lossless.ms,
    losslessIdKept: lossless.value.rows[12_345]![0],
    csvImportMs: csv.ms,
    typedReadMs: typed.ms,
    queryViaFakeServerMs: queryMs,
    queryRows: result.rows.length,
    rssGrowthMB: Math.round((rssAfter - rssBefore) / 1024 / 1024),
  };
}
