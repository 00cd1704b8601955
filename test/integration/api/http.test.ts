import { describe, expect, it } from 'vitest';
import { startTestServer } from '../../helpers/headless.js';
import { createLogger } from '../../../main/logging/logger.js';

describe('loopback HTTP API', () => {
  it('answers 401 without a token or with a wrong one', async () => {
    const s = await startTestServer();
    expect((await s.raw('health', {}, {})).status).toBe(401);
    const wrong = await s.raw('health', {}, { Authorization: 'Bearer nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });

  it('serves health with the token', async () => {
    const s = await startTestServer();
    const health = await s.call('health');
    expect(health).toMatchObject({ status: 'ok', mode: 'headless', dataDir: s.dataDir, integrity: { ok: true } });
    expect(health.schemaVersion).toBeGreaterThan(0);
  });

  it('exchanges the token for an HttpOnly SameSite=Strict cookie that authorises API calls', async () => {
    const s = await startTestServer();
    const login = await fetch(s.server.loginUrl, { redirect: 'manual' });
    expect(login.status).toBe(302);
    const cookie = login.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const res = await fetch(`${s.server.url}/api/health`, { method: 'POST', headers: { Cookie: cookie.split(';')[0]! } });
    expect(res.status).toBe(200);
    expect(((await fetch(`${s.server.url}/auth?token=wrong`, { redirect: 'manual' })).status)).toBe(401);
  });

  it('rejects invalid input with 400 naming the field, and unknown methods with 404', async () => {
    const s = await startTestServer();
    const bad = await s.raw('settings.set', { backupKeep: 'seven' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', context: { field: 'backupKeep' } } });
    const unknown = await s.raw('nope.nothing', {});
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('refuses requests addressed to another host name (DNS rebinding) and cross-origin posts', async () => {
    const s = await startTestServer();
    const http = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      const req = http.request(
        { host: '127.0.0.1', port: s.server.port, path: '/api/health', method: 'POST', headers: { Host: 'evil.example:80', Authorization: `Bearer ${s.server.token}` } },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.end('{}');
    });
    expect(status).toBe(421);
    const cross = await s.raw('health', {}, { Authorization: `Bearer ${s.server.token}`, Origin: 'http://evil.example' });
    expect(cross.status).toBe(403);
  });

  it('stores settings and reads them back', async () => {
    const s = await startTestServer();
    const after = await s.call('settings.set', { language: 'en', backupKeep: 3 });
    expect(after).toMatchObject({ language: 'en', backupKeep: 3, startAtLogin: false });
    expect(await s.call('settings.get')).toMatchObject({ language: 'en', backupKeep: 3 });
    // A change names only what it changes: the other settings keep their values.
    expect(await s.call('settings.set', { language: 'zh-CN' })).toMatchObject({ language: 'zh-CN', backupKeep: 3 });
  });

  it('streams live events over SSE: a line the core logs reaches the client', async () => {
    const s = await startTestServer();
    const controller = new AbortController();
    const res = await fetch(`${s.server.url}/api/events`, { headers: { Authorization: `Bearer ${s.server.token}` }, signal: controller.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    const marker = `sse-marker-${Date.now()}`;
    setTimeout(() => createLogger('test').info(marker), 50);
    let text = '';
    while (!text.includes(marker)) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    controller.abort();
    const line = text.split('\n').find((l) => l.includes(marker))!;
    const event = JSON.parse(line.replace(/^data: /, '')) as { type: string; entry: { message: string; scope: string } };
    expect(event).toMatchObject({ type: 'log', entry: { message: marker, scope: 'test' } });
  });

  it('serves the UI with a nonce-based Content-Security-Policy', async () => {
    const s = await startTestServer();
    const res = await fetch(`${s.server.url}/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    const html = await res.text();
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(html).toContain(`content="${nonce}"`);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
  });
});
