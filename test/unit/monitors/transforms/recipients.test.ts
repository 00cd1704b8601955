import { describe, expect, it } from 'vitest';
import { DEFAULT_PROVIDER_CHATS, DEFAULT_PROVIDER_WEBHOOKS, RECIPIENTS, resolveProvider, v1RecipientName } from '../../../../main/monitors/transforms/recipients.js';

describe('recipients', () => {
  const providers = new Set(DEFAULT_PROVIDER_WEBHOOKS);

  it('routes a configured provider to its own recipient and anything else to the fallback (v1 vectors §7.3 router)', () => {
    expect(resolveProvider('北京经常亮工程技术有限公司', providers, RECIPIENTS.wecomDefault)).toBe('provider:北京经常亮工程技术有限公司');
    expect(resolveProvider('北京众德森建材有限责任公司', providers, RECIPIENTS.wecomDefault)).toBe('wecom-default');
    expect(resolveProvider('', providers, RECIPIENTS.wecomDefault)).toBe('wecom-default');
    expect(resolveProvider(null, providers, RECIPIENTS.wecomDefault)).toBe('wecom-default');
  });

  it('carries Appendix B: 30 providers with webhooks, 18 with PC-era chats', () => {
    expect(DEFAULT_PROVIDER_WEBHOOKS).toHaveLength(30);
    expect(Object.keys(DEFAULT_PROVIDER_CHATS)).toHaveLength(18);
    expect(DEFAULT_PROVIDER_CHATS['北京虹象防水工程有限公司']).toBe('久安有方（沟通群）');
  });

  it('maps Herald recipient ids to the names of v1 configuration', () => {
    expect(v1RecipientName('wecom-default')).toBe('WECOM_WEBHOOK_DEFAULT');
    expect(v1RecipientName('provider:云尚虹（北京）建筑工程有限公司')).toBe('云尚虹（北京）建筑工程有限公司');
    expect(v1RecipientName('housekeeper-offline-group')).toBe('WECOM_WEBHOOK_HOUSEKEEPER_OFFLINE');
    expect(v1RecipientName('smartsheet:crew-settlement-ledger')).toBe('WECOM_CREW_SETTLEMENT_FINANCE_LEDGER_SMARTSHEET_WEBHOOK');
    expect(v1RecipientName('webhook-url-default')).toBe('WEBHOOK_URL_DEFAULT');
    expect(v1RecipientName('wechat:北京虹象防水工程有限公司')).toBe('北京虹象防水工程有限公司');
    expect(v1RecipientName('wecom-chat:久安有方（沟通群）')).toBe('久安有方（沟通群）');
  });
});
