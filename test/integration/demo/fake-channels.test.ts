import { describe, expect, it } from 'vitest';
import { startTestServer } from '../../helpers/headless.js';
import { waitFor } from '../../helpers/wait.js';

describe('demo mode: fake WeCom channels', () => {
  it('starts the fake WeCom server, points the robot and app channels at it, and messages flow', async () => {
    const s = await startTestServer({ demo: true });
    const { channels } = await s.call('channels.list');
    const bot = channels.find((c) => c.type === 'GROUP_BOT')!;
    const app = channels.find((c) => c.type === 'WORK_WECHAT')!;
    expect(String(bot.settings.baseUrl)).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/cgi-bin\/webhook\/send$/);
    expect(app.unconfigured).toBeNull();
    const robot = await s.call('channels.testSend', { channel: 'GROUP_BOT', recipient: 'bj-ops-group', text: 'demo robot' });
    const award = await s.call('channels.testSend', { channel: 'WORK_WECHAT', recipient: 'campaign-contact-bj', text: 'demo app message' });
    for (const { id } of [robot, award]) await waitFor(async () => (await s.call('outbox.get', { id })).message.status === 'sent', `${id} to be sent`);
    expect((await s.call('recipients.list')).recipients.map((r) => r.id)).toContain('provider:*');
  });
});
