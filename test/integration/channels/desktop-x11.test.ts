import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueMessage } from '../../../main/outbox/enqueue.js';
import { outboxWorld, type OutboxWorld } from '../../helpers/outbox.js';
import { tempDir } from '../../helpers/tmp.js';
import { startDesktopClient, startXvfb } from '../../desktop-client/client.js';

const GROUP = '（北京）修链服务运营';
const CONTACT = '运营小王';

let xvfb: Awaited<ReturnType<typeof startXvfb>>;
beforeAll(async () => {
  xvfb = await startXvfb();
});
afterAll(() => xvfb.stop());

async function world(client: 'wechat' | 'wecom', extra: Record<string, unknown> = {}): Promise<OutboxWorld> {
  const w = await outboxWorld();
  w.configure('WECHAT', { settings: { driver: 'x11', client, display: xvfb.display, stepWaitMs: 250, paceMs: 0, stepTimeoutMs: 10_000, ...extra } });
  w.recipient({ id: 'bj-ops-group', route: [{ channel: 'WECHAT', address: GROUP }] });
  w.recipient({ id: 'campaign-contact:BJ', route: [{ channel: 'WECHAT', address: CONTACT }] });
  return w;
}
const send = (w: OutboxWorld, recipient: string, businessId: string, text: string) =>
  enqueueMessage(w.herald.db, { businessType: 'campaign.announcement', businessId, recipient, content: { kind: 'text', text } }).id;

describe('WECHAT desktop automation, X11 driver under Xvfb', () => {
  it.each([
    ['wechat', '微信'],
    ['wecom', '企业微信'],
  ] as const)('types each message into the right chat of the %s client (search, chat name, Enter, message, Enter)', async (client, title) => {
    const app = await startDesktopClient({ display: xvfb.display, title, chats: [GROUP, CONTACT], profileDir: tempDir('herald-chromium-') });
    try {
      await app.waitFor((r) => r.some((e) => e.kind === 'ready'));
      const w = await world(client);
      const announcement = '🧨🧨🧨 签约喜报 🧨🧨🧨\n\n恭喜 张三 签约合同 YHWX-BJ-JSJZ-2026050029 并完成线上签约，\n\n🌻 本单为本月平台累计签约第 12 单';
      const a = send(w, 'bj-ops-group', 'BJ-2026-05:1', announcement);
      const b = send(w, 'campaign-contact:BJ', 'BJ-2026-05:1:award', '恭喜张三获得奖励 200 元');
      expect(await w.worker.runOnce()).toBe(2);
      await app.waitFor((r) => r.filter((e) => e.kind === 'message').length === 2);
      expect(app.records.filter((e) => e.kind === 'message')).toEqual([
        { kind: 'message', chat: GROUP, text: announcement },
        { kind: 'message', chat: CONTACT, text: '恭喜张三获得奖励 200 元' },
      ]);
      expect([w.row(a).status, w.row(b).status]).toEqual(['sent', 'sent']);
    } finally {
      await app.stop();
    }
  });

  it('refuses clearly when the client window is missing, and nothing is typed', async () => {
    const app = await startDesktopClient({ display: xvfb.display, title: '微信', chats: [GROUP], profileDir: tempDir('herald-chromium-') });
    try {
      await app.waitFor((r) => r.some((e) => e.kind === 'ready'));
      const w = await world('wecom');
      const id = send(w, 'bj-ops-group', 'x', 'hello');
      await w.worker.runOnce();
      expect(w.row(id)).toMatchObject({ status: 'failed', last_error_code: 'DESKTOP_WINDOW_MISSING', last_error: 'No window titled "企业微信" is open: start the client and sign in.' });
      expect(app.records.filter((e) => e.kind !== 'ready')).toEqual([]);
    } finally {
      await app.stop();
    }
  });
});
