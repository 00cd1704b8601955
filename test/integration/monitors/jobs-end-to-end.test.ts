import { describe, expect, it } from 'vitest';
import { parseContent } from '../../../main/outbox/enqueue.js';
import { v1RecipientName } from '../../../main/monitors/transforms/recipients.js';
import { CONTACT_TIMEOUT_COLUMNS } from '../../../main/monitors/transforms/contact-timeout.js';
import type { MessageRow } from '../../../main/outbox/message-row.js';
import { KEYS, fixtureCase, monitorWorld, type ExpectedMessage, type MonitorWorld } from '../../helpers/monitor-world.js';

/** What a stored message says, in the fixtures' terms: v1's recipient name and the text or payload. */
const asV1 = (m: MessageRow): ExpectedMessage => {
  const content = parseContent(m.content_kind, m.content);
  return { recipient: v1RecipientName(m.recipient), message: content.kind === 'smartsheet' ? content.payload : content.kind === 'template_card' ? content.card : content.text };
};
const expectedOf = (messages: ExpectedMessage[]) => messages.map((m) => ({ recipient: m.recipient, message: m.message }));

/** Runs the first `runs` runs of a fixture case through the real runner and outbox; returns the world and the run ids. */
async function runCase(id: string, runs = 1): Promise<{ w: MonitorWorld; runIds: number[]; expected: ExpectedMessage[][] }> {
  const w = await monitorWorld();
  const c = fixtureCase(id);
  const runIds: number[] = [];
  for (const run of c.runs.slice(0, runs)) {
    w.serve(c.job, run.card);
    const row = await w.run(c.job, run.at);
    expect(row, `${id} at ${run.at}: ${row.error_message}`).toMatchObject({ status: 'succeeded', pipeline: 'herald' });
    runIds.push(row.id);
  }
  return { w, runIds, expected: c.runs.slice(0, runs).map((r) => r.expected) };
}

describe('monitoring jobs end to end: fake Metabase → real runner → real outbox → fake WeCom', () => {
  it('sla-daily-report: one message per violation to its provider (unknown providers to the default group), as v1 sent them', async () => {
    const { w, runIds, expected } = await runCase('sla-02');
    const messages = await w.delivered(runIds[0]!);
    expect(messages.map(asV1)).toEqual(expectedOf(expected[0]!));
    expect(messages.every((m) => m.status === 'sent')).toBe(true);
    const texts = messages.map((m) => m.content);
    expect(w.wecom.accepted().map((r) => r.content)).toEqual(texts);
    expect(w.wecom.accepted(KEYS.fallback).length + w.wecom.accepted(KEYS.providers).length).toBe(texts.length);
    // The card the job read is the one Settings → Data sources names, and the answer says so.
    expect(w.metabase.requests.filter((r) => r.kind === 'query').map((r) => r.card)).toEqual([1514]);
    expect(JSON.parse(w.jobs.runs.get(runIds[0]!)!.summary!)).toMatchObject({ key: 'monitors:summary.sla', params: { daily: 3 } });
  });

  it('pending-orders-reminder: one digest per provider, an unlisted provider to the default group; once delivered, its orders are marked notified (sent hook)', async () => {
    const { w, runIds, expected } = await runCase('pending-10');
    const messages = await w.delivered(runIds[0]!);
    expect(messages.map(asV1)).toEqual(expectedOf(expected[0]!));
    const unlisted = messages.filter((m) => m.recipient === 'wecom-default');
    expect(unlisted).toHaveLength(1);
    expect(w.wecom.accepted(KEYS.fallback).map((r) => r.content)).toEqual([unlisted[0]!.content]);
    expect(w.wecom.accepted(KEYS.providers)).toHaveLength(messages.length - 1);
    const fingerprints = messages.flatMap((m) => JSON.parse(m.metadata!).pendingOrderFingerprints as string[]);
    expect(fingerprints.length).toBeGreaterThan(0);
    const notified = w.herald.db.prepare(`SELECT notification_sent, last_notified_at FROM monitor_pending_orders WHERE status_fingerprint IN (${fingerprints.map(() => '?').join(',')})`).all(...fingerprints) as Array<{ notification_sent: number; last_notified_at: string }>;
    expect(notified).toHaveLength(fingerprints.length);
    expect(notified.every((r) => r.notification_sent === 1 && r.last_notified_at !== null)).toBe(true);
  });

  it('housekeeper-offline-broadcast: each event of the lookback once, to the offline group, with the errcode rule', async () => {
    const { w, runIds, expected } = await runCase('offline-02');
    const messages = await w.delivered(runIds[0]!);
    expect(messages.map(asV1)).toEqual(expectedOf(expected[0]!));
    expect(w.wecom.accepted(KEYS.offline).map((r) => r.content)).toEqual(messages.map((m) => m.content));
    expect(JSON.parse(messages[0]!.metadata!)).toEqual({ source: 'metabase_card_2085', delivery: { pacingMs: 200, success: 'wecom-errcode' } });
  });

  for (const id of ['ss-project-02', 'ss-completion-02', 'ss-crew-02', 'ss-material-02']) {
    it(`${id}: one add_records post per new row to the table's smartsheet webhook`, async () => {
      const { w, runIds, expected } = await runCase(id);
      const messages = await w.delivered(runIds[0]!);
      expect(messages.map(asV1)).toEqual(expectedOf(expected[0]!));
      expect(messages.every((m) => m.status === 'sent')).toBe(true);
      expect(w.wecom.sheets.added().map((r) => r.body)).toEqual(expected[0]!.map((m) => m.message));
    });
  }

  it('smartsheet-payment-records: 1.5 s between posts, as v1 paused', async () => {
    const { w, runIds, expected } = await runCase('ss-payment-02');
    const messages = await w.delivered(runIds[0]!);
    expect(messages.map(asV1)).toEqual(expectedOf(expected[0]!));
    const times = w.wecom.sheets.added('payment-records').map((r) => r.at);
    expect(times).toHaveLength(3);
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(1500);
  });

  it('technician-status: a new change to the company (WeChat) and the default webhook; a repeated id is not sent again', async () => {
    const { w, runIds, expected } = await runCase('technician-02', 2);
    expect(w.messages(runIds[0]!)).toEqual([]);
    const messages = await w.delivered(runIds[1]!);
    expect(messages.map(asV1)).toEqual(expectedOf(expected[1]!));
    expect(messages.map((m) => [m.recipient.split(':')[0], m.channel, m.status])).toEqual([
      ['wechat', 'DRY_RUN', 'sent'],
      ['webhook-url-default', 'GROUP_BOT', 'sent'],
    ]);
    expect(w.wecom.accepted(KEYS.technician).map((r) => r.content)).toEqual([messages[1]!.content]);
  });

  it('contact-timeout-report (manual): one template card of the first six rows', async () => {
    const w = await monitorWorld();
    const rows = Array.from({ length: 8 }, (_, i) => [`GD2024060100${i + 10}`, null, `管家${i + 1}`, '2024-06-08T15:30:00+0800']);
    w.serve('contact-timeout-report', { cols: CONTACT_TIMEOUT_COLUMNS.map((name) => ({ name })), rows });
    const run = await w.run('contact-timeout-report', '2024-06-10T18:00:00+08:00');
    expect(run.status).toBe('succeeded');
    const [message] = await w.delivered(run.id);
    expect(message).toMatchObject({ status: 'sent', recipient: 'contact-timeout-webhook', content_kind: 'template_card' });
    const [received] = w.wecom.accepted(KEYS.contact);
    expect(received!.body).toMatchObject({ msgtype: 'template_card', template_card: { card_type: 'text_notice', emphasis_content: { title: '8' } } });
    expect((received!.body.template_card as { horizontal_content_list: unknown[] }).horizontal_content_list).toHaveLength(6);
  });
});
