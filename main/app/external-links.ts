import { shell } from 'electron';
import { createLogger } from '../logging/logger.js';

const log = createLogger('app');

/**
 * The only way a URL leaves Herald for the user's browser: HTTPS to hosts on this list. Links the
 * UI may show — the WeCom admin console where robots and recipients are configured — and nothing
 * a message or a data source could inject.
 */
export const EXTERNAL_HOSTS: ReadonlySet<string> = new Set(['work.weixin.qq.com', 'developer.work.weixin.qq.com']);

export function isAllowedExternalUrl(url: string, hosts: ReadonlySet<string> = EXTERNAL_HOSTS): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && u.username === '' && u.password === '' && hosts.has(u.hostname);
  } catch {
    return false;
  }
}

export async function openExternal(url: string): Promise<boolean> {
  if (!isAllowedExternalUrl(url)) {
    log.warn('Refused to open a link outside the allow-list', { url: url.slice(0, 200) });
    return false;
  }
  await shell.openExternal(url);
  return true;
}
