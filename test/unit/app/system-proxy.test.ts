import { describe, expect, it } from 'vitest';
import { adoptSystemProxy, PROXY_PROBE_URL, proxyUrlFromPac } from '../../../main/app/system-proxy.js';

describe('system proxy', () => {
  it('reads the first HTTP proxy of a PAC answer', () => {
    expect(proxyUrlFromPac('PROXY 10.0.0.8:3128; DIRECT')).toBe('http://10.0.0.8:3128');
    expect(proxyUrlFromPac('HTTPS proxy.office.lan:443')).toBe('https://proxy.office.lan:443');
    expect(proxyUrlFromPac('SOCKS5 10.0.0.8:1080; PROXY 10.0.0.9:8080')).toBe('http://10.0.0.9:8080');
    expect(proxyUrlFromPac('DIRECT')).toBeUndefined();
    expect(proxyUrlFromPac('SOCKS 10.0.0.8:1080')).toBeUndefined();
    expect(proxyUrlFromPac('')).toBeUndefined();
  });

  it('copies the system proxy into the environment, keeping loopback direct', async () => {
    const env: NodeJS.ProcessEnv = {};
    const asked: string[] = [];
    const proxy = await adoptSystemProxy((url) => {
      asked.push(url);
      return Promise.resolve('PROXY 10.0.0.8:3128');
    }, env);
    expect(proxy).toBe('http://10.0.0.8:3128');
    expect(asked).toEqual([PROXY_PROBE_URL]);
    expect(env).toEqual({ HTTP_PROXY: 'http://10.0.0.8:3128', HTTPS_PROXY: 'http://10.0.0.8:3128', NO_PROXY: 'localhost,127.0.0.1,::1' });
  });

  it('leaves a proxy already named in the environment alone, and a direct connection unset', async () => {
    const preset: NodeJS.ProcessEnv = { https_proxy: 'http://mine:8080' };
    expect(await adoptSystemProxy(() => Promise.resolve('PROXY 10.0.0.8:3128'), preset)).toBeUndefined();
    expect(preset).toEqual({ https_proxy: 'http://mine:8080' });
    const direct: NodeJS.ProcessEnv = {};
    expect(await adoptSystemProxy(() => Promise.resolve('DIRECT'), direct)).toBeUndefined();
    expect(direct).toEqual({});
  });

  it('connects directly when the system cannot answer', async () => {
    const env: NodeJS.ProcessEnv = { NO_PROXY: 'intranet.lan' };
    expect(await adoptSystemProxy(() => Promise.reject(new Error('net::ERR_FAILED')), env)).toBeUndefined();
    expect(env).toEqual({ NO_PROXY: 'intranet.lan' });
  });
});
