import { updateChannelConfig } from '../channels/config-store.js';
import { saveRecipient, type RecipientInput } from '../outbox/recipients.js';
import type { DemoContributor } from './index.js';

/** Recipients the demo data folder starts with (kept if the person changed them). */
export const DEMO_RECIPIENTS: RecipientInput[] = [
  { id: 'bj-ops-group', name: '（北京）修链服务运营', route: [{ channel: 'GROUP_BOT', address: 'demo-bj-ops-group' }, { channel: 'DRY_RUN', address: 'bj-ops-group' }] },
  { id: 'sh-ops-group', name: '（上海）运营群', route: [{ channel: 'GROUP_BOT', address: 'demo-sh-ops-group' }] },
  { id: 'sign-broadcast-group', name: '北京签约播报群', route: [{ channel: 'GROUP_BOT', address: 'demo-sign-broadcast' }] },
  { id: 'performance-broadcast-group', name: '北京业绩播报群', route: [{ channel: 'GROUP_BOT', address: 'demo-performance-broadcast' }] },
  { id: 'campaign-contact-bj', name: '北京活动联系人', route: [{ channel: 'WORK_WECHAT', address: 'ZhangSan' }, { channel: 'DRY_RUN', address: 'campaign-contact-bj' }] },
  { id: 'campaign-contact-sh', name: '上海活动联系人', route: [{ channel: 'WORK_WECHAT', address: 'LiSi' }] },
  { id: 'provider:*', name: '服务商默认群', route: [{ channel: 'GROUP_BOT', address: 'demo-default-group' }] },
  { id: 'housekeeper-offline-group', name: '管家下线播报群', route: [{ channel: 'GROUP_BOT', address: 'demo-offline-group' }] },
];

/**
 * The fake WeCom server's robot webhooks and application API as the GROUP_BOT and WORK_WECHAT
 * channels (its port changes at every start; the channel settings follow it), and the demo
 * recipients routed to them, so messages flow and their traces fill.
 */
export const demoChannels: DemoContributor = (herald, { wecom }) => {
  const now = herald.clock.now();
  updateChannelConfig(herald.db, herald.secrets, 'GROUP_BOT', { settings: { baseUrl: wecom.robotUrl } }, now);
  updateChannelConfig(
    herald.db,
    herald.secrets,
    'WORK_WECHAT',
    { settings: { apiBase: wecom.appApiBase, corpId: wecom.app.options.corpId, agentId: 1000002 }, secrets: { secret: wecom.app.options.secret } },
    now,
  );
  const exists = herald.db.prepare('SELECT 1 FROM recipients WHERE id = ?');
  for (const r of DEMO_RECIPIENTS) if (!exists.get(r.id)) saveRecipient(herald.db, herald.secrets, r, now);
};
