import { describe, expect, it } from 'vitest';
import {
  housekeeperOfflineSettingsSchema, pendingOrdersSettingsSchema, slaSettingsSchema, smartsheetSettingsSchema, technicianStatusSettingsSchema,
} from '../../../main/monitors/settings.js';

describe('monitor settings', () => {
  it('default to v1 2026: cards, Appendix B providers, the default fallbacks, v1 quirks kept', () => {
    const sla = slaSettingsSchema.parse({});
    expect(sla).toMatchObject({ semantics: 'cloud-2026', dailyDigest: false, fallbackRecipient: 'wecom-default', pcEraFallbackRecipient: 'admin-contact', forceMonday: false });
    expect(sla.providers).toHaveLength(30);
    expect(Object.keys(sla.pcEraProviderChats)).toHaveLength(18);
    expect(pendingOrdersSettingsSchema.parse({})).toMatchObject({ forceRecipient: null, createTimeDisplay: 'utc', minAgeHours: 48, digestIdentity: 'scheduled-time' });
    expect(housekeeperOfflineSettingsSchema.parse({})).toEqual({ lookbackMinutes: 60, recipient: 'housekeeper-offline-group' });
    expect(smartsheetSettingsSchema('payment-records').parse({})).toEqual({ recipient: 'smartsheet:payment-records', pacingMs: 1500 });
    expect(technicianStatusSettingsSchema.parse({})).toMatchObject({ webhookRecipient: 'webhook-url-default', matchNumericIds: false, dedupeWithinPoll: false });
  });

  it('accept the text forms of --set NAME=VALUE', () => {
    expect(housekeeperOfflineSettingsSchema.parse({ lookbackMinutes: '30' }).lookbackMinutes).toBe(30);
    expect(slaSettingsSchema.parse({ dailyDigest: 'yes', forceMonday: 'off', providers: '["甲","乙"]' })).toMatchObject({ dailyDigest: true, forceMonday: false, providers: ['甲', '乙'] });
    expect(slaSettingsSchema.parse({ pcEraProviderChats: '{"甲":"甲群"}' }).pcEraProviderChats).toEqual({ 甲: '甲群' });
  });

  it('refuse values that cannot work', () => {
    expect(housekeeperOfflineSettingsSchema.safeParse({ lookbackMinutes: 0 }).success).toBe(false);
    expect(slaSettingsSchema.safeParse({ semantics: '2027' }).success).toBe(false);
    expect(slaSettingsSchema.safeParse({ providers: [''] }).success).toBe(false);
    expect(pendingOrdersSettingsSchema.safeParse({ forceRecipient: '' }).success).toBe(false);
  });
});
