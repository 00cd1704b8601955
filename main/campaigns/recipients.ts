import type { KnownRecipient } from '../outbox/known-recipients.js';

/**
 * The logical recipients the campaign variants send to (configs/variants.ts), as Settings →
 * Recipients lists them before the office configured them. v1's names: the WeCom group chats and
 * the per-city campaign contact (spec §4.1), the 2026 broadcast webhooks.
 */
const announcements = { 'zh-CN': '签约喜报', en: 'Signing announcements' };
const awards = { 'zh-CN': '活动奖励消息', en: 'Campaign award messages' };

export const CAMPAIGN_RECIPIENTS: readonly KnownRecipient[] = [
  { id: 'bj-ops-group', name: { 'zh-CN': '（北京）修链服务运营', en: 'Beijing operations group (（北京）修链服务运营)' }, usedBy: announcements },
  { id: 'sh-ops-group', name: { 'zh-CN': '（上海）运营群', en: 'Shanghai operations group (（上海）运营群)' }, usedBy: announcements },
  { id: 'campaign-contact-bj', name: { 'zh-CN': '北京活动联系人', en: 'Beijing campaign contact' }, usedBy: awards },
  { id: 'campaign-contact-sh', name: { 'zh-CN': '上海活动联系人', en: 'Shanghai campaign contact' }, usedBy: awards },
  { id: 'sign-broadcast-group', name: { 'zh-CN': '北京签约播报群', en: 'Beijing sign broadcast group' }, usedBy: { 'zh-CN': '北京签约喜报播报（2026）', en: 'Beijing sign broadcast (2026)' } },
  {
    id: 'performance-broadcast-group',
    name: { 'zh-CN': '北京业绩播报群', en: 'Beijing performance broadcast group' },
    usedBy: { 'zh-CN': '北京业绩播报（2026）', en: 'Beijing performance broadcast (2026)' },
  },
];
