import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { startTestServer } from '../../helpers/headless.js';

describe('diagnostics export', () => {
  it('holds settings, the schema version, logs and channel settings, with every secret masked', async () => {
    const s = await startTestServer();
    const appSecret = 'app-secret-Zq81xP0-never-shown';
    const robotKey = 'robot-key-6f1e2d3c-never-shown';
    await s.call('channels.update', { type: 'WORK_WECHAT', settings: { corpId: 'ww1', agentId: 1000002 }, secrets: { secret: appSecret } });
    await s.call('recipients.save', { id: 'bj-ops-group', name: '北京运营群', route: [{ channel: 'GROUP_BOT', address: robotKey }] });
    await s.call('settings.set', { backupKeep: 5 });

    const zip = unzipSync(fs.readFileSync((await s.call('diagnostics.export')).file));
    const text = (name: string) => strFromU8(zip[name]!);
    expect(JSON.parse(text('settings.json'))).toMatchObject({ backupKeep: 5 });
    expect(JSON.parse(text('schema.json')).version).toBe((await s.call('health')).schemaVersion);
    expect(Object.keys(zip).some((n) => n.startsWith('logs/'))).toBe(true);
    const outbox = JSON.parse(text('outbox.json')) as { channels: Array<{ type: string }> };
    expect(outbox.channels.map((c) => c.type)).toContain('WORK_WECHAT');
    expect(text('outbox.json')).toContain(appSecret.slice(-4));
    for (const [name, bytes] of Object.entries(zip)) {
      const content = strFromU8(bytes);
      expect(content, name).not.toContain(appSecret);
      expect(content, name).not.toContain(robotKey);
    }
  });
});
