import { describe, expect, it } from 'vitest';
import { MONITOR_RECIPIENTS } from '../../../main/monitors/known-recipients.js';
import { MONITOR_JOBS } from '../../../main/monitors/definitions.js';
import { DEFAULT_PROVIDER_WEBHOOKS } from '../../../main/monitors/transforms/recipients.js';

const ids = MONITOR_RECIPIENTS.map((r) => r.id);

describe('the monitors\' known recipients', () => {
  it('lists every recipient the default settings send to, once, named in both languages', () => {
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of MONITOR_RECIPIENTS) {
      expect(r.name['zh-CN'].length, r.id).toBeGreaterThan(0);
      expect(r.name.en.length, r.id).toBeGreaterThan(0);
    }
    const configured = Object.values(MONITOR_JOBS).flatMap((job) =>
      Object.entries(job.settingsSchema.parse({})).flatMap(([name, value]) => (/recipient$/i.test(name) && typeof value === 'string' ? [value] : [])),
    );
    expect(configured.length).toBeGreaterThan(10);
    for (const id of configured) expect(ids, id).toContain(id);
    for (const provider of DEFAULT_PROVIDER_WEBHOOKS) expect(ids).toContain(`provider:${provider}`);
    // A listed provider without its own group is routed by the outbox to `provider:*`.
    expect(ids).toContain('provider:*');
  });
});
