import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { MetabaseHttpClient } from '../../../../main/sources/metabase/client.js';
import { memorySessionStore } from '../../../../main/sources/metabase/session.js';
import { startFakeMetabase } from '../../../../main/demo/fake-metabase.js';
import { ManualClock } from '../../../../main/shared/clock.js';

// A proxy as offices run them: undici tunnels through it with CONNECT, and it records each tunnel.
const seen: string[] = [];
const sockets = new Set<net.Socket>();
const proxy = http.createServer((_req, res) => res.writeHead(405).end());
proxy.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
  seen.push(`${req.method} ${req.url}`);
  const [host, port] = req.url!.split(':');
  const upstream = net.connect(Number(port), host, () => {
    client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    upstream.write(head);
    upstream.pipe(client);
    client.pipe(upstream);
  });
  for (const s of [client, upstream]) {
    sockets.add(s);
    s.on('error', () => s.destroy());
    s.on('close', () => sockets.delete(s));
  }
});

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise<void>((resolve) => proxy.close(() => resolve()));
});

describe('Metabase client behind a proxy', () => {
  it('sends login and query through the proxy named in HTTP_PROXY (the system proxy the shell copies there)', async () => {
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    // Set before the first request: the shared dispatcher reads the environment once.
    process.env.HTTP_PROXY = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    delete process.env.NO_PROXY;
    delete process.env.no_proxy;
    const mb = await startFakeMetabase({ cards: { 1514: [{ a: 1 }] } });
    try {
      const client = new MetabaseHttpClient({
        connection: () => ({ url: mb.url, username: mb.username, password: mb.password, timeoutMs: 5_000 }),
        sessions: memorySessionStore(),
        clock: new ManualClock(0),
      });
      const result = await client.queryCard(1514);
      expect(result.rows).toEqual([[1]]);
      expect(seen.length).toBeGreaterThan(0);
      expect(new Set(seen)).toEqual(new Set([`CONNECT 127.0.0.1:${mb.port}`]));
      expect(mb.requests.map((r) => `${r.kind}:${r.status}`)).toEqual(['login:200', 'query:202']);
    } finally {
      await mb.close();
    }
  });
});
