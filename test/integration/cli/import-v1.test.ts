import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { STANDARD_COLUMNS } from '../../../main/campaigns/input/columns.js';
import { openDatabase, type Db } from '../../../main/db/open.js';
import { MONITOR_JOBS } from '../../../main/monitors/definitions.js';
import type { ImportReport } from '../../../main/v1import/types.js';
import { herald } from '../../helpers/cli.js';
import { withTestJobs } from '../../helpers/cli/follow-up.js';
import { fixturePath, readFixtureJson } from '../../helpers/fixtures.js';
import { suiteTempDir as tempDir } from '../../helpers/suite-tmp.js';
import { createTasksDb, createV1Database, groupBroadcastKey, v1PayloadJson, type V1Task } from '../../helpers/v1-state.js';

const importV1 = async (dataDir: string, source: string, ...flags: string[]) => {
  const out = await herald(['--data-dir', dataDir, 'import-v1', source, ...flags, '--json']);
  expect(out.stderr).toBe('');
  expect(out.code).toBe(0);
  return JSON.parse(out.stdout) as ImportReport;
};

function readOnly<T>(dataDir: string, fn: (db: Db) => T): T {
  const db = openDatabase(path.join(dataDir, 'herald.sqlite'), { readonly: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

const STATE_TABLES = ['campaign_ledger', 'campaign_performance_data', 'message_identities', 'messages', 'message_events', 'monitor_notified', 'monitor_pending_orders', 'monitor_sla_violations'];
const snapshot = (dataDir: string) =>
  readOnly(dataDir, (db) => Object.fromEntries(STATE_TABLES.map((t) => [t, db.prepare(`SELECT * FROM ${t}`).all().map((r) => JSON.stringify(r)).sort()])));

function expectNothingNew(r: ImportReport): void {
  for (const t of [r.ledgerRows, r.performanceRows, r.notifications, r.monitorKeys, r.pendingOrders, r.slaViolations]) expect(t.new).toBe(0);
}

// ---------------------------------------------------------------- PC era

const APR = [
  { id: '7000000000000000001', doc: 'YHWX-SH-WWFS-2025040001', name: '李怀华', amount: '2000.0' }, // task #1341, completed
  { id: '7000000000000000002', doc: 'YHWX-SH-RJTFSGC-2025040001', name: '魏亮', amount: '8000.0' }, // task #1342, pending
  { id: '7000000000000000003', doc: 'YHWX-SH-NEW-2025049999', name: '新人', amount: '3000.0' }, // flag N, no task: never announced
  { id: '7000000000000000004', doc: 'YHWX-SH-FLAG-2025040004', name: '高自伟', amount: '4500.0' }, // send_status 发送成功
];

function contractsCsv(): string {
  const rows = APR.map((c, i) => {
    const v: Record<string, string> = {
      '合同ID(_id)': c.id, '活动城市(province)': '310000', '工单编号(serviceAppointmentNum)': `GD20250429${i}`, Status: '1', '管家(serviceHousekeeper)': c.name,
      '合同编号(contractdocNum)': c.doc, '合同金额(adjustRefundMoney)': c.amount, '支付金额(paidAmount)': c.amount, '差额(difference)': '0.0', State: '1',
      '创建时间(createTime)': `2025-04-29T1${i}:00:00.000+08:00`, '服务商(orgName)': '上海雁棠建筑工程有限公司', '签约时间(signedDate)': `2025-04-29T1${i}:30:00.000+08:00`,
      Doorsill: c.amount, '款项来源类型(tradeIn)': '1', '转化率(conversion)': '0.5', '平均客单价(average)': c.amount,
    };
    return STANDARD_COLUMNS.map((col) => v[col] ?? '');
  });
  return stringify([[...STANDARD_COLUMNS], ...rows]);
}

/** A v1 working folder: the repo-test files, an April ledger made by Herald's own ledger export, tasks.db from the samples. */
async function pcFolder(): Promise<{ folder: string; contracts: string }> {
  const folder = tempDir('herald-v1-pc-');
  const state = path.join(folder, 'state');
  fs.mkdirSync(state);
  for (const f of fs.readdirSync(fixturePath('repo-tests'))) {
    if (/^(PerformanceData-|send_status_)/.test(f)) fs.copyFileSync(fixturePath('repo-tests', f), path.join(folder, f));
  }
  const contracts = path.join(folder, 'ContractData-SH-Apr.csv');
  fs.writeFileSync(contracts, contractsCsv());
  const ledger = await herald(['replay', '--campaign', 'SH-2025-04', '--batch', contracts, '--at', '2025-04-29T16:00:00+08:00', '--csv']);
  expect(ledger.code).toBe(0);
  const rows = parse(ledger.stdout, { bom: true, columns: true }) as Array<Record<string, string>>;
  expect(rows.map((r) => r['是否发送通知'])).toEqual(['Y', 'Y', 'Y', 'Y']);
  for (const r of rows) r['是否发送通知'] = 'N';
  fs.writeFileSync(path.join(state, 'PerformanceData-SH-Apr.csv'), `\uFEFF${stringify(rows, { header: true, record_delimiter: '\r\n' })}`);
  fs.writeFileSync(path.join(state, 'send_status_sh_apr.json'), JSON.stringify({ [APR[3]!.id]: '发送成功', '7000000000000000099': '发送成功', '7000000000000000098': '发送失败' }));
  const tasks = readFixtureJson<V1Task[]>('repo-tests', 'tasks_db_message_samples_2025-04.json').map((t) => ({ ...t, status: t.id === 1341 ? 'completed' : t.status }));
  createTasksDb(path.join(folder, 'tasks.db'), tasks);
  const technician = readFixtureJson<unknown[][]>('monitors', 'technician-02', 'run-1.json');
  fs.writeFileSync(path.join(state, 'technician_status_record.json'), JSON.stringify(Object.fromEntries(technician.map((r) => [String(r[0]), '通知成功']))));
  return { folder, contracts };
}

describe('herald import-v1: a PC-era working folder', () => {
  it('takes ledgers, send_status, the technician record and tasks.db; a following run announces only what v1 never did; twice changes nothing', { timeout: 120_000 }, async () => {
    const { folder, contracts } = await pcFolder();
    const dataDir = tempDir();

    const dry = await importV1(dataDir, folder, '--dry-run');
    expect(dry.dryRun).toBe(true);
    expect(readOnly(dataDir, (db) => db.prepare('SELECT COUNT(*) FROM message_identities').pluck().get())).toBe(0);

    const report = await importV1(dataDir, folder);
    expect({ ...report, dryRun: true }).toEqual(dry);
    expect(report.kind).toBe('pc-folder');
    expect(report.ledgerRows).toEqual({ new: 5, existing: 0, byActivity: { 'SH-2025-04': 3, 'SH-2025-05': 2 } });
    expect(report.leftForHerald).toEqual([{ variant: 'SH-2025-04', activityCode: 'SH-2025-04', contractId: APR[2]!.id, source: 'PerformanceData-SH-Apr.csv' }]);
    expect(report.notifications.byStatus.unknown).toBe(11); // task #1342 and the ten pending samples no imported contract names

    const message = (businessId: string) =>
      readOnly(dataDir, (db) => db.prepare("SELECT status, content, job_id FROM messages WHERE business_type = 'campaign.announcement' AND business_id = ?").get(businessId)) as { status: string; content: string; job_id: string } | undefined;
    const sample = readFixtureJson<V1Task[]>('repo-tests', 'tasks_db_message_samples_2025-04.json');
    expect(message(`SH-2025-04:${APR[0]!.id}`)).toEqual({ status: 'sent', content: sample[0]!.message, job_id: 'campaign-sh-2025-04' });
    expect(message(`SH-2025-04:${APR[1]!.id}`)).toMatchObject({ status: 'unknown', content: sample[1]!.message });
    const identities = readOnly(dataDir, (db) => db.prepare("SELECT business_id FROM message_identities WHERE business_type = 'campaign.announcement' ORDER BY business_id").pluck().all());
    expect(identities).toEqual([
      `SH-2025-04:${APR[0]!.id}`, `SH-2025-04:${APR[1]!.id}`, `SH-2025-04:${APR[3]!.id}`, 'SH-2025-04:7000000000000000099',
      'SH-2025-05:3414993247885901615', 'SH-2025-05:6997900857389134380',
    ]);
    const unattributed = readOnly(dataDir, (db) => db.prepare("SELECT status, COUNT(*) AS n FROM messages WHERE business_type = 'v1.task' GROUP BY status").all());
    expect(unattributed).toEqual([{ status: 'unknown', n: 10 }]);

    const before = snapshot(dataDir);
    expectNothingNew(await importV1(dataDir, folder));
    expect(snapshot(dataDir)).toEqual(before);

    await withTestJobs(dataDir, async (run) => {
      const april = await run('campaign-sh-2025-04', contracts, '2025-04-29T17:00:00+08:00');
      expect(april.status).toBe('succeeded');
      expect(april.records).toBe(1);
      const fresh = readOnly(dataDir, (db) => db.prepare('SELECT DISTINCT business_id FROM messages WHERE run_id = ?').pluck().all(april.id));
      expect(fresh).toEqual([`SH-2025-04:${APR[2]!.id}`]);

      const may = await run('campaign-sh-2025-05', fixturePath('repo-tests', 'ContractData-SH-May_01.csv'), '2025-05-03T10:00:00+08:00');
      expect(may).toMatchObject({ status: 'succeeded', records: 0, messages_new: 0 });

      const index = readFixtureJson<Array<{ id: string; runs: Array<{ at: string; file: string }> }>>('monitors', 'index.json');
      const tech = index.find((c) => c.id === 'technician-02')!.runs[0]!;
      const technician = await run('technician-status', fixturePath('monitors', 'technician-02', tech.file), tech.at);
      expect(technician).toMatchObject({ status: 'succeeded', messages_new: 0 });
    });
  });

  it('fails with one line, writing nothing, on a malformed ledger, a folder without v1 files, a missing path, a file that is no database', async () => {
    const { folder } = await pcFolder();
    fs.writeFileSync(path.join(folder, 'state', 'PerformanceData-BJ-Jun.csv'), '\uFEFF活动编号,合同ID(_id)\n"BJ,1\n');
    const empty = tempDir();
    const notDb = path.join(empty, 'copy.sqlite');
    fs.writeFileSync(notDb, 'not a database');
    const cases: Array<[string, RegExp]> = [
      [folder, /^herald: PerformanceData-BJ-Jun\.csv is not a readable CSV file/],
      [tempDir(), /holds none of v1's files/],
      [path.join(empty, 'missing'), /There is nothing at .*missing/],
      [notDb, /is neither a folder .* nor a SQLite database/],
    ];
    for (const [source, error] of cases) {
      const dataDir = tempDir();
      const out = await herald(['--data-dir', dataDir, 'import-v1', source]);
      expect(out.code).toBe(1);
      expect(out.stdout).toBe('');
      expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(out.stderr).toMatch(error);
      expect(readOnly(dataDir, (db) => db.prepare('SELECT COUNT(*) FROM campaign_ledger').pluck().get())).toBe(0);
    }
  });
});

// ---------------------------------------------------------------- 2026 database

interface ExpectedRun {
  at: string;
  messages: Array<{ message: unknown; business_id: string; message_type: string; dedupe_key: string }>;
}
interface FixtureCase {
  id: string;
  job: string;
  runs: Array<{ at: string; file: string }>;
}

const MONITOR_CASES = ['sla-02', 'pending-02', 'offline-02', 'ss-payment-02'];
const SIGN_AT = '2026-05-20T10:00:00+08:00';
/** C401, C403, C404 and C406 are sign-broadcast contracts (source types 2, 4, 5). */
const SIGN_INPUT = fixturePath('scenarios', 'broadcast_scenario_batch2.json');

/** v1's 2026 database, built with the §8.2 schema: a month of sign broadcasts, the monitors' outbox rows (the fixtures' own keys), SLA records, pending-order snapshots. */
async function v1Database(): Promise<{ file: string; leftOut: string; failed: string; dead: string }> {
  const scratch = tempDir();
  await withTestJobs(scratch, (run) => run('bj-sign-broadcast', SIGN_INPUT, SIGN_AT));
  const herald = readOnly(scratch, (db) => ({
    rows: db.prepare('SELECT * FROM campaign_performance_data ORDER BY id').all() as Array<Record<string, unknown>>,
    texts: new Map((db.prepare("SELECT business_id, content FROM messages WHERE business_type = 'campaign.announcement'").all() as Array<{ business_id: string; content: string }>).map((m) => [m.business_id, m.content])),
  }));
  const file = path.join(tempDir(), 'turso-copy.sqlite');
  const v1 = createV1Database(file);
  const ids = herald.rows.map((r) => String(r.contract_id));
  const [sent, failed, dead, leftOut] = ids as [string, string, string, string];
  const outcome: Record<string, { status: string; attempts: number; error: string }> = {
    [sent]: { status: 'sent', attempts: 1, error: '' },
    [failed]: { status: 'failed', attempts: 2, error: 'HTTP 502' },
    [dead]: { status: 'dead_letter', attempts: 5, error: 'HTTP 404' },
  };
  const insertRow = v1.prepare(`INSERT INTO performance_data (activity_code, contract_id, housekeeper, service_provider, contract_amount, performance_amount, paid_amount, project_id, order_type,
    contract_sequence, reward_types, reward_names, is_historical, notification_sent, remarks, created_at, updated_at, extensions)
    VALUES (@activity_code, @contract_id, @housekeeper, @service_provider, @contract_amount, @performance_amount, @paid_amount, @project_id, @order_type,
    @contract_sequence, @reward_types, @reward_names, @is_historical, @notification_sent, @remarks, @created_at, @updated_at, @extensions)`);
  const outbox = v1.prepare(`INSERT INTO notification_outbox (activity_code, contract_id, message_type, webhook_url, payload_json, metadata_json, dedupe_key, status, attempt_count, last_error, sent_at, created_at)
    VALUES (@activity, @contract, @type, 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x', @payload, '', @key, @status, @attempts, @error, @sentAt, '2026-05-20 02:00:00')`);
  for (const row of herald.rows) {
    const id = String(row.contract_id);
    const { id: _id, project_address: _address, ...values } = row;
    insertRow.run({ ...values, notification_sent: outcome[id]?.status === 'sent' ? 1 : 0 });
    if (id === leftOut) continue;
    const payload = v1PayloadJson({ msgtype: 'text', text: { content: herald.texts.get(`${String(row.activity_code)}:${id}`) } });
    const o = outcome[id]!;
    outbox.run({ activity: row.activity_code, contract: id, type: 'group_broadcast', payload, key: groupBroadcastKey(id, payload), status: o.status, attempts: o.attempts, error: o.error, sentAt: o.status === 'sent' ? '2026-05-20 02:00:01' : null });
    // An earlier text of the same contract that failed once (its payload hash differs): the sent row wins.
    if (id === sent) {
      const older = v1PayloadJson({ msgtype: 'text', text: { content: 'an earlier text' } });
      outbox.run({ activity: row.activity_code, contract: id, type: 'group_broadcast', payload: older, key: groupBroadcastKey(id, older), status: 'failed', attempts: 1, error: 'timeout', sentAt: null });
    }
  }
  const index = readFixtureJson<FixtureCase[]>('monitors', 'index.json');
  for (const id of MONITOR_CASES) {
    const c = index.find((x) => x.id === id)!;
    const expected = readFixtureJson<{ runs: ExpectedRun[] }>('monitors', id, 'expected.json');
    for (const run of expected.runs) {
      for (const m of run.messages) {
        const payload = typeof m.message === 'string' ? v1PayloadJson({ msgtype: 'text', text: { content: m.message } }) : v1PayloadJson(m.message);
        outbox.run({ activity: MONITOR_JOBS[c.job]!.v1.activityCode, contract: m.business_id, type: m.message_type, payload, key: m.dedupe_key, status: 'sent', attempts: 1, error: '', sentAt: '2026-05-20 02:00:01' });
      }
    }
  }
  const slaRows = readFixtureJson<Array<Record<string, unknown>>>('monitors', 'sla-02', 'run-1.json');
  const sla = v1.prepare(`INSERT INTO sla_violation_records (business_date, violation_id, sid, sa_create_time, order_num, province, org_name, supervisor_name, source_type, status, violation_type, violation_description, work_type, create_time, raw_json)
    VALUES ('2026-10-28', @_id, @sid, @saCreateTime, @orderNum, @province, @orgName, @supervisorName, @sourceType, @status, @msg, @memo, @workType, @createTime, @raw)`);
  for (const r of slaRows) sla.run({ ...Object.fromEntries(['_id', 'sid', 'saCreateTime', 'orderNum', 'province', 'orgName', 'supervisorName', 'msg', 'memo', 'createTime'].map((k) => [k, r[k] ?? ''])), sourceType: String(r.sourceType ?? ''), status: String(r.status ?? ''), workType: String(r.workType ?? ''), raw: JSON.stringify(r) });
  const pendingRows = readFixtureJson<Array<Record<string, string>>>('monitors', 'pending-02', 'run-1.json');
  const pending = v1.prepare(`INSERT INTO pending_order_reminders (activity_code, order_num, customer_name, address, supervisor_name, create_time, org_name, order_status, status_fingerprint, eligible_since, is_active, notification_sent, first_seen_at, last_seen_at, last_notified_at)
    VALUES ('PENDING-ORDERS-REMINDER', @orderNum, @name, @address, @supervisorName, @createTime, @orgName, @orderstatus, @fp, '2026-09-01T00:30:00+00:00', 1, 1, '2026-09-01T00:30:00+00:00', '2026-09-01T00:30:00+00:00', '2026-09-01T00:30:01+00:00')`);
  for (const r of pendingRows) pending.run({ ...r, fp: createHash('sha256').update(`${r.orderNum}::${r.orderstatus}`, 'utf8').digest('hex') });
  v1.close();
  return { file, leftOut, failed, dead };
}

describe('herald import-v1: a copy of v1’s 2026 database', () => {
  it('takes performance_data, the outbox, SLA records and pending snapshots; following runs of every job enqueue nothing v1 sent; twice changes nothing', { timeout: 120_000 }, async () => {
    const { file, leftOut, failed, dead } = await v1Database();
    const dataDir = tempDir();
    const report = await importV1(dataDir, file);
    expect(report.kind).toBe('v1-database');
    expect(report.performanceRows).toEqual({ new: 3, existing: 0, byActivity: { 'BJ-SIGN-BROADCAST-2026-05': 3 } });
    expect(report.leftForHerald.map((c) => c.contractId)).toEqual([leftOut]);
    expect(report.slaViolations.new).toBe(readFixtureJson<unknown[]>('monitors', 'sla-02', 'run-1.json').length);
    expect(report.pendingOrders.new).toBe(readFixtureJson<unknown[]>('monitors', 'pending-02', 'run-1.json').length);
    expect(report.skipped).toEqual([]);
    const statusOf = (businessId: string) => readOnly(dataDir, (db) => db.prepare('SELECT status FROM messages WHERE business_id = ?').pluck().get(businessId));
    expect(statusOf(`BJ-SIGN-BROADCAST-2026-05:${failed}`)).toBe('failed');
    expect(statusOf(`BJ-SIGN-BROADCAST-2026-05:${dead}`)).toBe('dead');
    expect(report.notifications.byStatus).toEqual({ sent: report.notifications.new - 2, unknown: 0, failed: 1, dead: 1 });

    const before = snapshot(dataDir);
    expectNothingNew(await importV1(dataDir, file));
    expect(snapshot(dataDir)).toEqual(before);

    const index = readFixtureJson<FixtureCase[]>('monitors', 'index.json');
    await withTestJobs(dataDir, async (run) => {
      const sign = await run('bj-sign-broadcast', SIGN_INPUT, '2026-05-20T10:30:00+08:00');
      expect(sign.status).toBe('succeeded');
      const fresh = readOnly(dataDir, (db) => db.prepare('SELECT business_id FROM messages WHERE run_id = ?').pluck().all(sign.id));
      expect(fresh).toEqual([`BJ-SIGN-BROADCAST-2026-05:${leftOut}`]);
      for (const id of MONITOR_CASES) {
        const c = index.find((x) => x.id === id)!;
        for (const r of c.runs) {
          const done = await run(c.job, fixturePath('monitors', id, r.file), r.at);
          expect(done.status, `${id} ${r.at}: ${done.error_message}`).toBe('succeeded');
          expect(done.messages_new, `${id} ${r.at}`).toBe(0);
        }
      }
    });
  });
});
