import type { Herald, Service } from '../core/herald.js';
import { createLogger } from '../logging/logger.js';
import { updateChannelConfig } from '../channels/config-store.js';
import { FakeWecomServer } from '../channels/fakes/wecom-server.js';
import { saveRecipient, type RecipientInput } from '../outbox/recipients.js';

/** Recipients the demo data folder starts with (kept if the person changed them). */
export const DEMO_RECIPIENTS: RecipientInput[] = [
  { id: 'bj-ops-group', name: '（北京）修链服务运营', route: [{ channel: 'GROUP_BOT', address: 'demo-bj-ops-group' }, { channel: 'DRY_RUN', address: 'bj-ops-group' }] },
  { id: 'sh-ops-group', name: '（上海）运营群', route: [{ channel: 'GROUP_BOT', address: 'demo-sh-ops-group' }] },
  { id: 'campaign-contact:BJ', name: '北京活动联系人', route: [{ channel: 'WORK_WECHAT', address: 'ZhangSan' }, { channel: 'DRY_RUN', address: 'campaign-contact:BJ' }] },
  { id: 'campaign-contact:SH', name: '上海活动联系人', route: [{ channel: 'WORK_WECHAT', address: 'LiSi' }] },
  { id: 'provider:*', name: '服务商默认群', route: [{ channel: 'GROUP_BOT', address: 'demo-default-group' }] },
  { id: 'housekeeper-offline-group', name: '管家下线播报群', route: [{ channel: 'GROUP_BOT', address: 'demo-offline-group' }] },
];

/**
 * Demo mode only: the local fake WeCom server (robot webhooks, app API, smartsheet sink) on
 * 127.0.0.1, with the robot and app channels pointed at it, so messages flow and their traces fill.
 * The port changes at every start; the channel settings follow it.
 */
export function demoChannelsService(herald: Herald): Service {
  const log = createLogger('demo');
  let fake: FakeWecomServer | undefined;
  return {
    name: 'demo-fake-channels',
    async start() {
      fake = await new FakeWecomServer({ latencyMs: () => 20 + Math.random() * 80 }).start();
      const now = herald.clock.now();
      updateChannelConfig(herald.db, herald.secrets, 'GROUP_BOT', { settings: { baseUrl: fake.robotUrl } }, now);
      updateChannelConfig(
        herald.db,
        herald.secrets,
        'WORK_WECHAT',
        { settings: { apiBase: fake.appApiBase, corpId: fake.app.options.corpId, agentId: 1000002 }, secrets: { secret: fake.app.options.secret } },
        now,
      );
      const exists = herald.db.prepare('SELECT 1 FROM recipients WHERE id = ?');
      for (const r of DEMO_RECIPIENTS) if (!exists.get(r.id)) saveRecipient(herald.db, herald.secrets, r, now);
      log.info('Demo: fake WeCom server started', { url: fake.baseUrl });
    },
    async stop() {
      await fake?.close();
      fake = undefined;
    },
  };
}
