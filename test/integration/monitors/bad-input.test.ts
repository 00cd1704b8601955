import { describe, expect, it } from 'vitest';
import { setSourceCard } from '../../../main/sources/cards.js';
import { writeMetabaseSettings } from '../../../main/sources/config.js';
import { SLA_COLUMNS } from '../../../main/monitors/transforms/sla.js';
import { fixtureCase, monitorWorld, type MonitorWorld } from '../../helpers/monitor-world.js';

const SLA_AT = '2026-10-29T08:10:00+08:00';

/** What a run left behind in the monitors' state and the outbox. */
function written(w: MonitorWorld, runId: number) {
  const count = (sql: string) => w.herald.db.prepare(sql).pluck().get(runId) as number;
  return {
    violations: count('SELECT COUNT(*) FROM monitor_sla_violations WHERE run_id = ?'),
    notified: count('SELECT COUNT(*) FROM monitor_notified WHERE run_id = ?'),
    messages: count('SELECT COUNT(*) FROM messages WHERE run_id = ?'),
  };
}

/** The SLA fixture's first card with one column renamed, as when someone edits the question in Metabase. */
function slaCardRenamed(from: string, to: string) {
  const card = fixtureCase('sla-02').runs[0]!.card;
  return { ...card, cols: card.cols.map((c) => (c.name === from ? { name: to } : c)) };
}

describe('monitoring jobs on bad input, through the real runner', () => {
  it('a renamed column fails the run naming the card and the column; nothing is stored or sent', async () => {
    const w = await monitorWorld();
    w.serve('sla-daily-report', slaCardRenamed('orgName', 'org_name'));
    const run = await w.run('sla-daily-report', SLA_AT);
    expect(run).toMatchObject({ status: 'failed', error_code: 'MONITOR_CARD_COLUMNS_MISSING' });
    expect(run.error_message).toBe('Card 1514 has no column orgName — was it renamed or removed in Metabase? Nothing was stored or sent.');
    expect(JSON.parse(run.error_context!)).toMatchObject({ jobId: 'sla-daily-report', card: 1514, columns: 'orgName' });
    expect(written(w, run.id)).toEqual({ violations: 0, notified: 0, messages: 0 });
    const logged = w.herald.db.prepare("SELECT message FROM run_logs WHERE run_id = ? AND level = 'error'").pluck().all(run.id) as string[];
    expect(logged.join('\n')).toContain('Card 1514 has no column orgName');
  });

  it('the error names the card Settings → Data sources points the job at', async () => {
    const w = await monitorWorld();
    setSourceCard(w.herald.db, 'sla-daily-report', 4242);
    w.metabase.setCard(4242, slaCardRenamed('memo', 'remark'));
    const run = await w.run('sla-daily-report', SLA_AT);
    expect(run.error_message).toBe('Card 4242 has no column memo — was it renamed or removed in Metabase? Nothing was stored or sent.');
    expect(w.metabase.requests.filter((r) => r.kind === 'query').map((r) => r.card)).toEqual([4242]);
  });

  it('a positional card with too few columns fails before anything is written', async () => {
    const w = await monitorWorld();
    w.serve('pending-orders-reminder', { cols: ['orderNum', 'name', 'address', 'supervisorName', 'createTime'].map((name) => ({ name })), rows: [['YY1', '李', '路', '王', '2026-08-01T00:00:00Z']] });
    const run = await w.run('pending-orders-reminder', '2026-09-01T08:30:00+08:00');
    expect(run).toMatchObject({ status: 'failed', error_code: 'MONITOR_CARD_COLUMNS_MISSING' });
    expect(run.error_message).toBe('Card 1712 returns 5 columns; this job reads 7 by position. Nothing was stored or sent.');
    expect(w.herald.db.prepare('SELECT COUNT(*) FROM monitor_pending_orders').pluck().get()).toBe(0);
    expect(written(w, run.id).messages).toBe(0);
  });

  it('an empty card is a warning, not an error', async () => {
    const w = await monitorWorld();
    w.serve('smartsheet-payment-records', { cols: ['contractCode', 'payPrice', 'auditstate2Time'].map((name) => ({ name })), rows: [] });
    const run = await w.run('smartsheet-payment-records', '2026-04-20T16:00:00+08:00');
    expect(run).toMatchObject({ status: 'succeeded', warnings: 1 });
    expect(w.warnings(run.id)).toEqual(['Card 2017 returned no rows.']);
    expect(JSON.parse(run.summary!)).toEqual({ key: 'monitors:summary.smartsheet', params: { rows: 0, eligible: 0, skipped: 0, added: 0, table: 'payment-records' } });
  });

  it('unparsable numbers and dates: the row goes out without them and the run warns naming row and column; unusable rows are skipped with a warning', async () => {
    const w = await monitorWorld();
    w.serve('smartsheet-payment-records', {
      cols: ['contractCode', 'payPrice', 'auditstate2Time'].map((name) => ({ name })),
      rows: [['HT-1', '12,5O0', 'next Tuesday'], ['HT-2', '300', '2026-04-13 10:00:00']],
    });
    const payments = await w.run('smartsheet-payment-records', '2026-04-20T16:00:00+08:00');
    expect(payments.status).toBe('succeeded');
    expect(w.warnings(payments.id)).toEqual(['Card 2017: 1 row(s) with unreadable numbers or dates — row 1 (payPrice, auditstate2Time): not a number or date (left out, as v1 did)']);
    const delivered = await w.delivered(payments.id);
    expect(delivered.map((m) => m.status)).toEqual(['sent', 'sent']);
    expect(w.wecom.sheets.added().map((r) => (r.body.add_records as Array<{ values: unknown }>)[0]!.values)).toEqual([{ fi9MN0: 'HT-1' }, { fi9MN0: 'HT-2', fO4cAe: 300, fBaRQ1: '1776045600000' }]);

    w.serve('pending-orders-reminder', { cols: [], rows: [['YY1', '李先生', '路1号', '王', 'yesterday-ish', '北京怀军防水工程有限公司', '待处理']] });
    const pending = await w.run('pending-orders-reminder', '2026-09-01T08:30:00+08:00');
    expect(pending.status).toBe('succeeded');
    expect(w.warnings(pending.id).join('\n')).toMatch(/^Card 1712: 1 row\(s\) skipped \(as v1 did\) — row 1 \(createTime\): /);
    expect(written(w, pending.id).messages).toBe(0);
  });

  it('a failing monitor run leaves another job running beside it unaffected', async () => {
    const w = await monitorWorld();
    const offline = fixtureCase('offline-02').runs[0]!;
    w.serve('sla-daily-report', { cols: SLA_COLUMNS.filter((c) => c !== 'msg').map((name) => ({ name })), rows: [] });
    w.serve('housekeeper-offline-broadcast', offline.card);
    const [bad, good] = await Promise.all([w.run('sla-daily-report', SLA_AT), w.run('housekeeper-offline-broadcast', offline.at)]);
    expect(bad).toMatchObject({ status: 'failed', error_code: 'MONITOR_CARD_COLUMNS_MISSING' });
    expect(good.status).toBe('succeeded');
    expect((await w.delivered(good.id)).map((m) => m.content)).toEqual(offline.expected.map((m) => m.message));
  });

  it('an unreachable Metabase fails the run naming the card and the server', async () => {
    const w = await monitorWorld();
    writeMetabaseSettings(w.herald.db, w.herald.secrets, { url: 'http://127.0.0.1:9' });
    const run = await w.run('housekeeper-offline-broadcast', '2026-07-16T19:00:00+08:00');
    expect(run).toMatchObject({ status: 'failed', error_code: 'SOURCE_UNREACHABLE' });
    expect(run.error_message).toMatch(/^Cannot reach Metabase at http:\/\/127\.0\.0\.1:9 to (log in|run card 2085)/);
    expect(written(w, run.id)).toEqual({ violations: 0, notified: 0, messages: 0 });
  });
});
