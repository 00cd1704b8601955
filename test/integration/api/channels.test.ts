import { describe, expect, it } from 'vitest';
import { startTestServer } from '../../helpers/headless.js';
import { waitFor } from '../../helpers/wait.js';
import { startFakeWecom } from '../../helpers/fake-wecom.js';


const template = {
  name: '每日工作提醒',
  channel: null,
  contentKind: 'text' as const,
  body: '📅 今日工作提醒（{{date}}）\n待处理工单：{{pending}}',
  variables: [{ name: 'date', sample: '2026-02-03' }, { name: 'pending' }],
  kind: 'scheduled' as const,
  cron: '0 9 * * *',
  event: null,
  keywords: [],
  recipient: null,
  enabled: true,
};

describe('channels, recipients and templates API', () => {
  it('lists every channel type; unconfigured ones say why; SMS and AI have no provider', async () => {
    const s = await startTestServer();
    const { channels } = await s.call('channels.list');
    expect(channels.map((c) => c.type)).toEqual(['GROUP_BOT', 'WORK_WECHAT', 'WECHAT', 'SMS', 'EMAIL', 'AI', 'DRY_RUN']);
    const byType = Object.fromEntries(channels.map((c) => [c.type, c]));
    expect(byType.SMS!.unconfigured).toBe('no provider configured');
    expect(byType.WORK_WECHAT!.unconfigured).toBe('The WeCom app is not set up (missing corp id, agent id, secret).');
    expect(byType.GROUP_BOT).toMatchObject({ unconfigured: null, retry: { kind: 'fixed', maxRetries: 3, delayMs: 300_000 }, window: null, onInterrupted: 'hold' });
  });

  it('validates settings and secret names', async () => {
    const s = await startTestServer();
    const bad = await s.raw('channels.update', { type: 'GROUP_BOT', settings: { perKeyLimit: 0 } });
    expect(bad.body).toMatchObject({ ok: false, error: { code: 'CHANNEL_SETTINGS_INVALID', context: { channel: 'GROUP_BOT', field: 'perKeyLimit' } } });
    const unknown = await s.raw('channels.update', { type: 'EMAIL', secrets: { token: 'x' } });
    expect(unknown.body).toMatchObject({ ok: false, error: { code: 'CHANNEL_SECRET_UNKNOWN' } });
    const updated = await s.call('channels.update', { type: 'GROUP_BOT', retry: { kind: 'exponential', maxRetries: 5, baseMs: 1000, maxMs: 60_000, jitter: 0.1 }, window: { start: '08:00', end: '23:30', timeZone: 'Asia/Shanghai' } });
    expect(updated).toMatchObject({ retry: { kind: 'exponential', maxRetries: 5 }, window: { start: '08:00', end: '23:30' } });
  });

  it('keeps a stored webhook when a recipient is saved without it, and shows it masked', async () => {
    const s = await startTestServer();
    await s.call('recipients.save', { id: 'bj-ops-group', name: '北京运营群', route: [{ channel: 'GROUP_BOT', address: 'key-aaaaaaaa-1111' }] });
    const saved = await s.call('recipients.save', { id: 'bj-ops-group', name: '北京运营群', route: [{ channel: 'WECHAT', address: '（北京）修链服务运营' }, { channel: 'GROUP_BOT' }] });
    expect(saved.route).toEqual([
      { channel: 'WECHAT', address: '（北京）修链服务运营', secret: false },
      { channel: 'GROUP_BOT', address: '****1111', secret: true },
    ]);
    const missing = await s.raw('recipients.save', { id: 'new', route: [{ channel: 'EMAIL' }] });
    expect(missing.body).toMatchObject({ ok: false, error: { code: 'RECIPIENT_ADDRESS_MISSING' } });
    expect(await s.call('recipients.delete', { id: 'bj-ops-group' })).toEqual({ deleted: true });
    expect((await s.call('recipients.list')).recipients.filter((r) => r.configured)).toEqual([]);
  });

  it('saves templates, previews them, reports a missing variable clearly and test-sends through the outbox', async () => {
    const fake = await startFakeWecom();
    const s = await startTestServer();
    await s.call('channels.update', { type: 'GROUP_BOT', settings: { baseUrl: fake.robotUrl } });
    await s.call('recipients.save', { id: 'grp', route: [{ channel: 'GROUP_BOT', address: 'template-key-0001' }] });
    const t = await s.call('templates.save', template);
    const missing = await s.raw('templates.preview', { id: t.id });
    expect(missing.body).toMatchObject({ ok: false, error: { code: 'TEMPLATE_VARIABLE_MISSING', message: 'Template "每日工作提醒" needs {{pending}}, which was not given.' } });
    expect(await s.call('templates.preview', { id: t.id, variables: { pending: 5 } })).toEqual({ text: '📅 今日工作提醒（2026-02-03）\n待处理工单：5' });
    // A preview has what a firing supplies: the date and time (of now, Asia/Shanghai).
    expect((await s.call('templates.preview', { body: '{{date}} {{time}} · {{pending}}', variables: { pending: 1 } })).text).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} · 1$/);
    const sent = await s.call('templates.testSend', { id: t.id, recipient: 'grp', variables: { pending: 7 } });
    expect(sent.text).toBe('📅 今日工作提醒（2026-02-03）\n待处理工单：7');
    await waitFor(async () => (await s.call('outbox.get', { id: sent.id })).message.status === 'sent', 'the template test to be sent');
    expect(fake.accepted('template-key-0001').map((r) => r.content)).toEqual([sent.text]);
    expect((await s.call('outbox.get', { id: sent.id })).message.businessType).toBe('test');
  });

  it('refuses templates that use undeclared variables or a bad cron, and duplicate names', async () => {
    const s = await startTestServer();
    const undeclared = await s.raw('templates.save', { ...template, body: '{{date}} {{oops}}' });
    expect(undeclared.body).toMatchObject({ ok: false, error: { code: 'TEMPLATE_INVALID', message: 'Template "每日工作提醒" uses {{oops}}, which is not among its variables.' } });
    const cron = await s.raw('templates.save', { ...template, cron: 'every morning' });
    expect(cron.body).toMatchObject({ ok: false, error: { code: 'TEMPLATE_INVALID' } });
    const realtime = await s.raw('templates.save', { ...template, kind: 'realtime', cron: null });
    expect(realtime.body).toMatchObject({ ok: false, error: { code: 'TEMPLATE_INVALID', message: 'Realtime template "每日工作提醒" needs an event or at least one keyword.' } });
    await s.call('templates.save', template);
    expect((await s.raw('templates.save', template)).body).toMatchObject({ ok: false, error: { code: 'TEMPLATE_NAME_TAKEN' } });
    const kw = await s.call('templates.save', { ...template, name: '测试消息', kind: 'realtime', cron: null, keywords: ['测试', 'test'] });
    expect(kw).toMatchObject({ kind: 'realtime', cron: null, keywords: ['测试', 'test'] });
  });

  it('test-sends refuse a recipient without an address on the chosen channel', async () => {
    const s = await startTestServer();
    await s.call('recipients.save', { id: 'grp', route: [{ channel: 'DRY_RUN', address: 'x' }] });
    const r = await s.raw('channels.testSend', { channel: 'EMAIL', recipient: 'grp', text: 'hi' });
    expect(r.body).toMatchObject({ ok: false, error: { code: 'RECIPIENT_NO_ADDRESS', message: 'Recipient "grp" has no address on EMAIL.' } });
    const unknown = await s.raw('channels.testSend', { channel: 'EMAIL', recipient: 'nobody', text: 'hi' });
    expect(unknown.body).toMatchObject({ ok: false, error: { code: 'RECIPIENT_UNKNOWN' } });
  });
});
