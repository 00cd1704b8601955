import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/headless.js';
import { waitFor } from '../../helpers/wait.js';
import { startFakeWecom } from '../../helpers/fake-wecom.js';

const KEY = 'api-robot-key-5d41402abc4b2a76b9719d911017c592';

async function setup(): Promise<{ s: TestServer; fake: Awaited<ReturnType<typeof startFakeWecom>> }> {
  const fake = await startFakeWecom();
  const s = await startTestServer();
  await s.call('channels.update', { type: 'GROUP_BOT', settings: { baseUrl: fake.robotUrl } });
  await s.call('recipients.save', { id: 'bj-ops-group', name: '（北京）修链服务运营', route: [{ channel: 'GROUP_BOT', address: KEY }] });
  return { s, fake };
}

const statusOf = async (s: TestServer, id: string) => (await s.call('outbox.get', { id })).message.status;

describe('outbox API', () => {
  it('sends a test message from Settings through the outbox and shows its trace', async () => {
    const { s, fake } = await setup();
    const { id } = await s.call('channels.testSend', { channel: 'GROUP_BOT', recipient: 'bj-ops-group', text: '测试消息 from Settings' });
    await waitFor(async () => (await statusOf(s, id)) === 'sent', 'the test message to be sent');
    expect(fake.accepted(KEY).map((r) => r.content)).toEqual(['测试消息 from Settings']);
    const detail = await s.call('outbox.get', { id });
    expect(detail.message).toMatchObject({ businessType: 'test', recipient: 'bj-ops-group', channel: 'GROUP_BOT', status: 'sent', content: '测试消息 from Settings', attempts: 1 });
    expect(detail.trace.map((t) => t.kind)).toEqual(['enqueued', 'sending', 'sent']);
    expect(detail.trace[2]).toMatchObject({ channel: 'GROUP_BOT', responseStatus: 200, attempt: 1 });
  });

  it('filters by status, channel, business type, recipient, date and text, with counts per status', async () => {
    const { s, fake } = await setup();
    fake.invalidate('dead-key-0000000001');
    await s.call('recipients.save', { id: 'provider:上海', route: [{ channel: 'GROUP_BOT', address: 'dead-key-0000000001' }] });
    const alerts: unknown[] = [];
    s.herald.events.subscribe((e) => {
      if (e.type === 'alert') alerts.push(e);
    });
    const ok = (await s.call('channels.testSend', { channel: 'GROUP_BOT', recipient: 'bj-ops-group', text: 'alpha' })).id;
    const bad = (await s.call('channels.testSend', { channel: 'GROUP_BOT', recipient: 'provider:上海', text: 'beta' })).id;
    await waitFor(async () => (await statusOf(s, bad)) === 'dead' && (await statusOf(s, ok)) === 'sent', 'both to finish');
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
    expect(alerts).toEqual([{ type: 'alert', kind: 'message-dead', title: `Message ${bad} could not be delivered`, body: expect.stringContaining('provider:上海: The robot\'s webhook key is invalid (93000') }]);
    const dead = await s.call('outbox.list', { filter: { status: ['dead'] } });
    expect(dead.items.map((m) => m.id)).toEqual([bad]);
    expect(dead.counts).toMatchObject({ sent: 1, dead: 1, pending: 0 });
    expect((await s.call('outbox.list', { filter: { text: 'alpha', channel: 'GROUP_BOT', businessType: 'test', from: today, to: today } })).items.map((m) => m.id)).toEqual([ok]);
    expect((await s.call('outbox.list', { filter: { recipient: 'provider:上海' } })).items[0]).toMatchObject({ id: bad, lastErrorCode: 'WECOM_93000' });
    expect((await s.call('outbox.list', { filter: { to: '2020-01-01' } })).total).toBe(0);
    const stats = await s.call('outbox.stats');
    expect(stats.channels.find((c) => c.channel === 'GROUP_BOT')).toMatchObject({ total: 2, successRate: 0.5, byStatus: { sent: 1, dead: 1 } });
  });

  it('retries every dead message a filter matches, and they go out once the webhook works', async () => {
    const { s, fake } = await setup();
    fake.plan(KEY, [{ errcode: 93000 }, { errcode: 93000 }]);
    const a = (await s.call('channels.testSend', { channel: 'GROUP_BOT', recipient: 'bj-ops-group', text: 'one' })).id;
    const b = (await s.call('channels.testSend', { channel: 'GROUP_BOT', recipient: 'bj-ops-group', text: 'two' })).id;
    await waitFor(async () => (await statusOf(s, a)) === 'dead' && (await statusOf(s, b)) === 'dead', 'both dead');
    expect(await s.call('outbox.bulkRetry', { filter: { status: ['dead'] } })).toEqual({ changed: 2, skipped: 0 });
    await waitFor(async () => (await statusOf(s, a)) === 'sent' && (await statusOf(s, b)) === 'sent', 'both sent after the retry');
    expect(fake.accepted(KEY).map((r) => r.content).sort()).toEqual(['one', 'two']);
    const bad = await s.raw('outbox.bulkRetry', {});
    expect(bad.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('holds everything while sending is stopped and sends it when switched back on', async () => {
    const { s, fake } = await setup();
    expect(await s.call('outbox.setSendingEnabled', { enabled: false })).toEqual({ enabled: false });
    const { id } = await s.call('channels.testSend', { channel: 'GROUP_BOT', recipient: 'bj-ops-group', text: 'held' });
    await new Promise((r) => setTimeout(r, 600));
    expect(await statusOf(s, id)).toBe('pending');
    expect((await s.call('outbox.stats')).sendingEnabled).toBe(false);
    await s.call('outbox.setSendingEnabled', { enabled: true });
    await waitFor(async () => (await statusOf(s, id)) === 'sent', 'the held message to go out');
    expect(fake.accepted(KEY)).toHaveLength(1);
  });

  it('refuses manual actions that do not fit the status, with a clear error', async () => {
    const { s } = await setup();
    const { id } = await s.call('channels.testSend', { channel: 'GROUP_BOT', recipient: 'bj-ops-group', text: 'x' });
    await waitFor(async () => (await statusOf(s, id)) === 'sent', 'sent');
    const r = await s.raw('outbox.markSent', { id });
    expect(r.body).toMatchObject({ ok: false, error: { code: 'MESSAGE_STATE', message: `Message ${id} is sent; "markSent" applies only to unknown messages.` } });
    expect((await s.raw('outbox.get', { id: 'MSG0' })).body).toMatchObject({ ok: false, error: { code: 'MESSAGE_NOT_FOUND' } });
  });

  it('never returns or logs a secret: webhook keys, app secrets and SMTP passwords', async () => {
    const { s } = await setup();
    const appSecret = 'wecom-app-secret-Zq81xP0';
    const smtpPassword = 'smtp-password-Yv27kL9';
    await s.call('channels.update', { type: 'WORK_WECHAT', settings: { corpId: 'ww1', agentId: 1000002, apiBase: 'http://127.0.0.1:9/cgi-bin' }, secrets: { secret: appSecret } });
    await s.call('channels.update', { type: 'EMAIL', settings: { host: '127.0.0.1', port: 9, from: 'h@example.com', user: 'h' }, secrets: { password: smtpPassword } });
    await s.call('recipients.save', { id: 'contact', route: [{ channel: 'WORK_WECHAT', address: 'zhangsan' }, { channel: 'EMAIL', address: 'z@example.com' }, { channel: 'GROUP_BOT', address: KEY }] });
    const { id } = await s.call('channels.testSend', { channel: 'WORK_WECHAT', recipient: 'contact', text: 'secret test' });
    const { id: id2 } = await s.call('channels.testSend', { channel: 'GROUP_BOT', recipient: 'contact', text: 'robot' });
    await waitFor(async () => (await statusOf(s, id)) === 'failed' && (await statusOf(s, id2)) === 'sent', 'the sends to finish');
    const channels = await s.call('channels.list');
    expect(channels.channels.find((c) => c.type === 'WORK_WECHAT')!.secrets).toEqual({ secret: { set: true, masked: '****1xP0' } });
    const outputs = JSON.stringify([
      channels,
      await s.call('recipients.list'),
      await s.call('outbox.list'),
      await s.call('outbox.get', { id }),
      await s.call('outbox.get', { id: id2 }),
      await s.call('outbox.stats'),
      await s.call('logs.tail', { limit: 5000 }),
    ]);
    const logs = fs.readdirSync(path.join(s.dataDir, 'logs')).map((f) => fs.readFileSync(path.join(s.dataDir, 'logs', f), 'utf8')).join('\n');
    const db = fs.readFileSync(path.join(s.dataDir, 'herald.sqlite')).toString('latin1') + fs.readFileSync(path.join(s.dataDir, 'herald.sqlite-wal')).toString('latin1');
    for (const secret of [KEY, appSecret, smtpPassword]) {
      expect(outputs).not.toContain(secret);
      expect(logs).not.toContain(secret);
      expect(db).not.toContain(secret);
    }
    expect(outputs).toContain(`****${KEY.slice(-4)}`);
  });
});
