import { ChannelSettingsSchemas } from '../../api/contract/channel-model.js';
import type { PowerEvents } from '../../core/power.js';
import type { ChannelRuntimeConfig, ChannelSender, SendOutcome } from '../types.js';
import type { DesktopDriver } from './driver.js';
import { CLIENT_DEFAULTS, desktopSequence } from './sequence.js';
import { windowsDriver } from './windows-driver.js';
import { x11Driver } from './x11-driver.js';

const settingsOf = (config: ChannelRuntimeConfig) => ChannelSettingsSchemas.WECHAT.parse(config.settings);
/** While the session is locked, desktop messages look again after this long (no attempt used). */
const LOCKED_WAIT_MS = 60_000;

export interface DesktopSenderDeps {
  power: Pick<PowerEvents, 'locked'>;
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  /** Tests substitute drivers. */
  drivers?: Partial<Record<'windows' | 'x11', DesktopDriver>>;
}

/**
 * WECHAT: desktop automation of the WeChat / WeCom client, as v1 did (spec §5.2), one message at a
 * time and paced. A locked session or a missing window is refused clearly; a send whose outcome is
 * unknown (a timeout while typing the message) becomes `unknown`, never `sent`.
 */
export function desktopSender(deps: DesktopSenderDeps): ChannelSender {
  const platform = deps.platform ?? process.platform;
  const env = deps.env ?? process.env;
  const drivers = { windows: deps.drivers?.windows ?? windowsDriver(), x11: deps.drivers?.x11 ?? x11Driver() };
  let queue: Promise<unknown> = Promise.resolve();

  const driverName = (config: ChannelRuntimeConfig): 'windows' | 'x11' | undefined => {
    const s = settingsOf(config);
    if (s.driver !== 'auto') return s.driver;
    if (platform === 'win32') return 'windows';
    if (platform === 'linux') return 'x11';
    return undefined;
  };

  const runExclusive = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    type: 'WECHAT',
    unconfigured(config) {
      const name = driverName(config);
      if (!name) return `Desktop sending is not available on ${platform}.`;
      if (name === 'x11' && !settingsOf(config).display && !env.DISPLAY) return 'Desktop sending needs an X11 display (set DISPLAY or the channel\'s display).';
      return undefined;
    },
    refuse(content, address) {
      if (!address.trim()) return 'The recipient has no chat name for the desktop client.';
      if (content.kind !== 'text' && content.kind !== 'markdown') return `A ${content.kind} cannot be typed into the desktop client.`;
      return undefined;
    },
    split: (content) => [content],
    rateLimit(config) {
      const s = settingsOf(config);
      return s.paceMs > 0 ? { endpoint: `desktop:${s.client}`, limit: 1, windowMs: s.paceMs } : undefined;
    },
    send(config, delivery): Promise<SendOutcome> {
      const s = settingsOf(config);
      const c = delivery.content;
      if (c.kind !== 'text' && c.kind !== 'markdown') return Promise.resolve({ kind: 'permanent', code: 'CONTENT_UNSUPPORTED', reason: `A ${c.kind} cannot be typed into the desktop client.` });
      return runExclusive(async (): Promise<SendOutcome> => {
        if (deps.power.locked) return { kind: 'wait', code: 'SESSION_LOCKED', reason: 'The session is locked: desktop messages wait until it is unlocked.', retryAfterMs: LOCKED_WAIT_MS };
        const name = driverName(config);
        if (!name) return { kind: 'permanent', code: 'DESKTOP_UNAVAILABLE', reason: `Desktop sending is not available on ${platform}.` };
        const defaults = CLIENT_DEFAULTS[s.client];
        const steps = desktopSequence({ client: s.client, title: s.windowTitle || defaults.title, hotkey: s.hotkey || defaults.hotkey, chatName: delivery.address.trim(), message: c.text, stepWaitMs: s.stepWaitMs });
        const result = await drivers[name].run(steps, { stepTimeoutMs: s.stepTimeoutMs, signal: delivery.signal, ...(s.display || env.DISPLAY ? { display: s.display || env.DISPLAY } : {}) });
        switch (result.kind) {
          case 'sent':
            return { kind: 'sent', response: { body: `typed into "${delivery.address}" (${name} driver)` } };
          case 'missing-window':
            return { kind: 'retry', code: 'DESKTOP_WINDOW_MISSING', reason: result.reason };
          case 'failed':
            return { kind: 'retry', code: 'DESKTOP_FAILED', reason: result.reason };
          case 'unknown':
            return { kind: 'unknown', code: 'DESKTOP_UNKNOWN', reason: result.reason };
        }
      });
    },
    secretValues: () => [],
  };
}
