import { createLogger } from '../logging/logger.js';

const log = createLogger('app');

/** A host Herald talks to (WeCom's API), used to ask Windows which proxy applies. */
export const PROXY_PROBE_URL = 'https://qyapi.weixin.qq.com/';

/**
 * The first HTTP proxy in a PAC-style answer ("PROXY host:port; DIRECT") as a URL; undefined
 * for DIRECT and for SOCKS, which the outbound HTTP client does not speak.
 */
export function proxyUrlFromPac(answer: string): string | undefined {
  for (const part of answer.split(';')) {
    const [kind, hostPort] = part.trim().split(/\s+/);
    if (!kind || !hostPort) continue;
    if (kind.toUpperCase() === 'PROXY') return `http://${hostPort}`;
    if (kind.toUpperCase() === 'HTTPS') return `https://${hostPort}`;
  }
  return undefined;
}

const PROXY_VARS = ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy'];

/**
 * Copies the Windows system proxy into HTTP_PROXY / HTTPS_PROXY, which main/core/http-agent.ts
 * reads, unless the environment already names a proxy. Loopback stays direct (the demo's fake
 * servers, the headless UI). Returns the proxy adopted, if any.
 */
export async function adoptSystemProxy(resolveProxy: (url: string) => Promise<string>, env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  if (PROXY_VARS.some((name) => env[name])) return undefined;
  let answer: string;
  try {
    answer = await resolveProxy(PROXY_PROBE_URL);
  } catch (err) {
    log.warn('Could not read the system proxy; connecting directly', { error: (err as Error).message });
    return undefined;
  }
  const proxy = proxyUrlFromPac(answer);
  if (!proxy) return undefined;
  env.HTTP_PROXY = proxy;
  env.HTTPS_PROXY = proxy;
  env.NO_PROXY ??= env.no_proxy ?? 'localhost,127.0.0.1,::1';
  log.info('Using the system proxy', { proxy });
  return proxy;
}
