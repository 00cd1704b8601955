/**
 * Logical recipients of the monitors (the outbox maps each id to a webhook, chat or contact in
 * Settings → Recipients) and v1's provider lists (spec Appendix B), which are the defaults of the
 * jobs' editable provider settings. A provider without its own entry goes to the job's fallback
 * recipient — never dropped.
 */
export const RECIPIENTS = {
  /** v1 `WECOM_WEBHOOK_DEFAULT`: the default group robot. */
  wecomDefault: 'wecom-default',
  /** v1 `WECOM_WEBHOOK_HOUSEKEEPER_OFFLINE`. */
  housekeeperOffline: 'housekeeper-offline-group',
  /** v1 (2025) `WEBHOOK_URL_DEFAULT`: the plain-text default webhook of the PC era. */
  webhookUrlDefault: 'webhook-url-default',
  /** v1 (PC era) fallback chat `<admin contact>` for providers without a chat. */
  adminContact: 'admin-contact',
  /** v1 `WEBHOOK_URL_CONTACT_TIMEOUT`. */
  contactTimeout: 'contact-timeout-webhook',
  /** v1 `WECOM_WEBHOOK_PENDING_ORDERS_FORCE_URL` (every digest to one group, for testing). */
  pendingOrdersForce: 'pending-orders-force',
} as const;

/** A provider's own group robot (2026: `WECOM_WEBHOOK_PENDING_ORDERS_ORG_MAP` entry). */
export const providerRecipient = (orgName: string): string => `provider:${orgName}`;
/** A personal WeChat contact named exactly like this (technician status, PC era). */
export const wechatRecipient = (contact: string): string => `wechat:${contact}`;
/** A WeCom desktop chat by name (SLA, PC era `SERVICE_PROVIDER_MAPPING`). */
export const wecomChatRecipient = (chat: string): string => `wecom-chat:${chat}`;
/** A WeCom smartsheet table's webhook. */
export const smartsheetRecipient = (table: string): string => `smartsheet:${table}`;

/** The smartsheet tables and v1's webhook variable for each. */
export const SMARTSHEET_WEBHOOK_NAMES: Record<string, string> = {
  'project-settlement': 'WECOM_PROJECT_SETTLEMENT_SMARTSHEET_WEBHOOK',
  'contract-completion': 'WECOM_CONTRACT_COMPLETION_SMARTSHEET_WEBHOOK',
  'payment-records': 'WECOM_PAYMENT_RECORDS_SMARTSHEET_WEBHOOK',
  'crew-settlement-ledger': 'WECOM_CREW_SETTLEMENT_FINANCE_LEDGER_SMARTSHEET_WEBHOOK',
  'material-replenishment': 'WECOM_MATERIAL_REPLENISHMENT_SMARTSHEET_WEBHOOK',
};

/**
 * The name v1's configuration gave a Herald recipient id (what the fixtures' `recipient` holds):
 * `wecom-default` → `WECOM_WEBHOOK_DEFAULT`, `provider:<org>` → `<org>`, `wechat:<c>` → `<c>` …
 */
export function v1RecipientName(recipient: string): string {
  const fixed: Record<string, string> = {
    [RECIPIENTS.wecomDefault]: 'WECOM_WEBHOOK_DEFAULT',
    [RECIPIENTS.housekeeperOffline]: 'WECOM_WEBHOOK_HOUSEKEEPER_OFFLINE',
    [RECIPIENTS.webhookUrlDefault]: 'WEBHOOK_URL_DEFAULT',
    [RECIPIENTS.adminContact]: '<admin contact>',
    [RECIPIENTS.contactTimeout]: 'WEBHOOK_URL_CONTACT_TIMEOUT',
    [RECIPIENTS.pendingOrdersForce]: 'WECOM_WEBHOOK_PENDING_ORDERS_FORCE_URL',
  };
  if (fixed[recipient]) return fixed[recipient];
  const [prefix, ...rest] = recipient.split(':');
  const name = rest.join(':');
  if (prefix === 'smartsheet') return SMARTSHEET_WEBHOOK_NAMES[name] ?? recipient;
  if (prefix === 'provider' || prefix === 'wechat' || prefix === 'wecom-chat') return name;
  return recipient;
}

/**
 * v1's routing (`resolve_wecom_webhook`): a provider with an entry gets its own recipient, any
 * other value (unknown, empty, not text) the fallback.
 */
export function resolveProvider(orgName: unknown, providers: ReadonlySet<string>, fallback: string): string {
  return typeof orgName === 'string' && orgName !== '' && providers.has(orgName) ? providerRecipient(orgName) : fallback;
}

/** Appendix B.2: providers with a dedicated webhook (`ORG_WEBHOOKS`, later the org map's keys). */
export const DEFAULT_PROVIDER_WEBHOOKS: readonly string[] = [
  '北京经常亮工程技术有限公司', '虹途控股（北京）有限责任公司', '北京顺建为安工程有限公司', '北京九鼎建工科技工程有限公司',
  '北京久盾宏盛建筑工程有限公司', '三河市中豫防水工程有限公司', '北京恒润万通防水工程有限公司', '北京浩圣科技有限公司',
  '北京华夏精程防水工程有限公司', '北京腾飞瑞欧建筑装饰有限公司', '云尚虹（北京）建筑工程有限公司', '北京博远恒泰装饰装修有限公司',
  '北京华庭装饰工程有限公司', '北京德客声商贸有限公司', '北京虹象防水工程有限公司', '北京建君盛华技术服务有限公司',
  '北京怀军防水工程有限公司', '北京盛达洪雨防水技术有限公司', '上海国坦装潢设计工程有限公司', '上海昊炫建筑材料有限公司',
  '上海昆昱防水工程有限公司', '上海妙才建筑防水工程有限公司', '上海荃璆实业有限公司', '上海锐常实业有限公司',
  '上海若金汤防水工程有限公司', '上海位卫防水工程有限公司', '上海雁棠建筑工程有限公司', '上海哲佑防水工程有限公司',
  '上海涛芫防水工程有限公司', '上海云风防水工程有限公司',
];

/** Appendix B.1: `SERVICE_PROVIDER_MAPPING` (v1.0.1), provider → WeCom chat name. */
export const DEFAULT_PROVIDER_CHATS: Readonly<Record<string, string>> = {
  北京博远恒泰装饰装修有限公司: '博远恒泰（沟通群）',
  北京德客声商贸有限公司: '德客声（沟通群）',
  北京恒润万通防水工程有限公司: '恒润万通（沟通群）',
  北京华庭装饰工程有限公司: '华庭装饰（沟通群）',
  北京华夏精程防水工程有限公司: '华夏精程（沟通群）',
  北京怀军防水工程有限公司: '怀军防水（沟通群）',
  北京建君盛华技术服务有限公司: '建君盛华（沟通群）',
  北京虹象防水工程有限公司: '久安有方（沟通群）',
  北京久盾宏盛建筑工程有限公司: '久盾宏盛（沟通群）',
  北京盛达洪雨防水技术有限公司: '盛达洪雨（沟通群）',
  北京腾飞瑞欧建筑装饰有限公司: '潇译防水（沟通群）',
  北京众德森建材有限责任公司: '众德森（沟通群）',
  北京九鼎建工建筑工程有限公司: '九鼎建工（沟通群）',
  北京顺建为安工程有限公司: '顺建为安（沟通群）',
  三河市中豫防水工程有限公司: '中豫防水（沟通群）',
  北京华锐龙盛建筑工程有限公司: '华锐龙盛（沟通群）',
  '云尚虹（北京）建筑工程有限公司': '云尚虹（沟通群）',
  '虹途控股（北京）有限责任公司': '虹途控股（沟通群）',
};
