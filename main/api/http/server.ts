import http from 'node:http';
import crypto from 'node:crypto';
import type { AddressInfo, Socket } from 'node:net';
import type { Dispatcher } from '../dispatcher.js';
import type { HeraldEvent } from '../contract/events.js';
import { newNonce, uiAsset, uiAssetHeaders, uiIndexHeaders, uiIndexHtml } from '../ui-assets.js';
import { createLogger } from '../../logging/logger.js';

export interface HttpServerOptions {
  dispatcher: Dispatcher;
  subscribe: (listener: (event: HeraldEvent) => void) => () => void;
  port?: number;
  /** Fixed token for tests; a random one otherwise. */
  token?: string;
  rendererDist?: string;
}

export interface RunningHttpServer {
  url: string;
  /** The URL to open in a browser: it trades the token for a session cookie. */
  loginUrl: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const COOKIE = 'herald_session';
const MAX_BODY = 5 * 1024 * 1024;
const log = createLogger('http');

const STATUS_BY_CODE: Record<string, number> = {
  INVALID_INPUT: 400,
  UNAUTHORIZED: 401,
  UNKNOWN_METHOD: 404,
  NOT_FOUND: 404,
  INTERNAL: 500,
};

function tokenEquals(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const data = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(data);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * The API over loopback HTTP for headless mode, tests and Playwright. Bound to 127.0.0.1 only;
 * every API request needs the per-start token, as a Bearer header or as the HttpOnly,
 * SameSite=Strict cookie `GET /auth?token=…` hands out (EventSource cannot send headers).
 * Host and Origin are checked so a web page elsewhere can neither rebind nor post to it.
 */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  const sessionId = crypto.randomBytes(24).toString('base64url');
  const sockets = new Set<Socket>();
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const authorised = (req: http.IncomingMessage): boolean => {
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ') && tokenEquals(auth.slice(7), token)) return true;
    const cookie = cookieValue(req.headers.cookie, COOKIE);
    return cookie !== undefined && tokenEquals(cookie, sessionId);
  };

  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (!allowedHosts().has(req.headers.host ?? '')) {
        sendJson(res, 421, { ok: false, error: { code: 'BAD_HOST', message: 'Requests must address 127.0.0.1.' } });
        return;
      }
      if (url.pathname === '/auth') {
        if (!tokenEquals(url.searchParams.get('token') ?? '', token)) {
          sendJson(res, 401, { ok: false, error: { code: 'UNAUTHORIZED', message: 'Wrong or missing token.' } });
          return;
        }
        res.writeHead(302, {
          'Set-Cookie': `${COOKIE}=${sessionId}; HttpOnly; SameSite=Strict; Path=/`,
          Location: '/',
          'Cache-Control': 'no-store',
        });
        res.end();
        return;
      }
      if (url.pathname.startsWith('/api/')) {
        if (!authorised(req)) {
          sendJson(res, 401, { ok: false, error: { code: 'UNAUTHORIZED', message: 'Open Herald with the URL it printed (it carries the token).' } });
          return;
        }
        if (url.pathname === '/api/events' && req.method === 'GET') {
          res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
          res.write(': connected\n\n');
          const unsubscribe = options.subscribe((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
          const keepAlive = setInterval(() => res.write(': ping\n\n'), 25_000);
          req.on('close', () => {
            clearInterval(keepAlive);
            unsubscribe();
          });
          return;
        }
        if (req.method !== 'POST') {
          sendJson(res, 405, { ok: false, error: { code: 'METHOD_NOT_ALLOWED', message: 'API methods are called with POST.' } });
          return;
        }
        const origin = req.headers.origin;
        if (origin && !allowedHosts().has(origin.replace(/^https?:\/\//, ''))) {
          sendJson(res, 403, { ok: false, error: { code: 'BAD_ORIGIN', message: 'Cross-origin requests are refused.' } });
          return;
        }
        let input: unknown;
        try {
          const text = await readBody(req);
          input = text.trim() ? JSON.parse(text) : {};
        } catch {
          sendJson(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: 'The request body is not JSON.' } });
          return;
        }
        const method = decodeURIComponent(url.pathname.slice('/api/'.length));
        const result = await options.dispatcher.invoke(method, input);
        sendJson(res, result.ok ? 200 : (STATUS_BY_CODE[result.error.code] ?? 422), result);
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        sendJson(res, 405, { ok: false, error: { code: 'METHOD_NOT_ALLOWED', message: 'Only GET for UI files.' } });
        return;
      }
      const asset = url.pathname === '/' || url.pathname === '/index.html' ? undefined : uiAsset(url.pathname, options.rendererDist);
      if (asset) {
        res.writeHead(200, uiAssetHeaders(asset.type));
        res.end(asset.body);
        return;
      }
      const nonce = newNonce();
      const html = uiIndexHtml(nonce, options.rendererDist);
      if (!html) {
        res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('The Herald UI is not built yet. Run `npm run build` (npm start does it for you).');
        return;
      }
      res.writeHead(200, uiIndexHeaders(nonce));
      res.end(html);
    })().catch((err: unknown) => {
      log.error('HTTP request failed', { error: (err as Error).message });
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Internal error.' } });
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    loginUrl: `${url}/auth?token=${token}`,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
