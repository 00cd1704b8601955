import { describe, expect, it } from 'vitest';
import { desktopSender } from '../../../../main/channels/desktop/sender.js';
import type { DesktopDriver, DesktopResult } from '../../../../main/channels/desktop/driver.js';
import type { ChannelRuntimeConfig, Delivery } from '../../../../main/channels/types.js';

const config: ChannelRuntimeConfig = { type: 'WECHAT', enabled: true, settings: { driver: 'x11', display: ':99', stepWaitMs: 0 }, secrets: {} };
const delivery = (text = 'hello'): Delivery => ({ messageId: 'MSG1', content: { kind: 'text', text }, part: 0, parts: 1, address: '运营小王', signal: new AbortController().signal });

function driverAnswering(result: DesktopResult, log: string[] = [], holdMs = 0): DesktopDriver {
  return {
    name: 'x11',
    async run(steps) {
      const text = steps.find((s) => s.kind === 'paste' && s.phase === 'message');
      log.push(`start ${text && 'text' in text ? text.text : ''}`);
      await new Promise((r) => setTimeout(r, holdMs));
      log.push('end');
      return result;
    },
  };
}

describe('WECHAT sender', () => {
  it('refuses while the session is locked, without using an attempt', async () => {
    const power = { locked: true };
    const log: string[] = [];
    const sender = desktopSender({ power, platform: 'linux', drivers: { x11: driverAnswering({ kind: 'sent' }, log) } });
    expect(await sender.send(config, delivery())).toMatchObject({ kind: 'wait', code: 'SESSION_LOCKED', reason: 'The session is locked: desktop messages wait until it is unlocked.' });
    expect(log).toEqual([]);
  });

  it.each([
    [{ kind: 'sent' } as const, { kind: 'sent' }],
    [{ kind: 'missing-window', reason: 'No window titled "微信" is open: start the client and sign in.' } as const, { kind: 'retry', code: 'DESKTOP_WINDOW_MISSING' }],
    [{ kind: 'failed', reason: 'x' } as const, { kind: 'retry', code: 'DESKTOP_FAILED' }],
    [{ kind: 'unknown', reason: 'timeout while typing' } as const, { kind: 'unknown', code: 'DESKTOP_UNKNOWN', reason: 'timeout while typing' }],
  ])('maps the driver result %o to %o (an unknown outcome is never "sent")', async (result, expected) => {
    const sender = desktopSender({ power: { locked: false }, platform: 'linux', drivers: { x11: driverAnswering(result) } });
    expect(await sender.send(config, delivery())).toMatchObject(expected);
  });

  it('runs one desktop message at a time', async () => {
    const log: string[] = [];
    const sender = desktopSender({ power: { locked: false }, platform: 'linux', drivers: { x11: driverAnswering({ kind: 'sent' }, log, 30) } });
    await Promise.all([sender.send(config, delivery('a')), sender.send(config, delivery('b'))]);
    expect(log).toEqual(['start a', 'end', 'start b', 'end']);
  });

  it('says why it cannot send where there is no desktop, and paces messages', () => {
    const mac = desktopSender({ power: { locked: false }, platform: 'darwin' });
    expect(mac.unconfigured({ ...config, settings: {} })).toBe('Desktop sending is not available on darwin.');
    const noDisplay = desktopSender({ power: { locked: false }, platform: 'linux', env: {} });
    expect(noDisplay.unconfigured({ ...config, settings: { driver: 'auto' } })).toMatch(/needs an X11 display/);
    expect(noDisplay.rateLimit(config, '运营小王', { kind: 'text', text: 'x' })).toEqual({ endpoint: 'desktop:wecom', limit: 1, windowMs: 3000 });
    expect(noDisplay.refuse({ kind: 'smartsheet', payload: {} }, 'x')).toMatch(/cannot be typed/);
  });
});
