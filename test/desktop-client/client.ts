import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ClientRecord {
  kind: 'ready' | 'opened' | 'message' | 'no-such-chat';
  chat?: string;
  text?: string;
  name?: string;
  title?: string;
}

const HTML = path.join(path.dirname(fileURLToPath(import.meta.url)), 'client.html');

/** Starts Xvfb on a free display number; resolves once the display accepts clients. */
export async function startXvfb(): Promise<{ display: string; stop(): void }> {
  for (let n = 90 + Math.floor(Math.random() * 400); ; n += 1) {
    if (fs.existsSync(`/tmp/.X11-unix/X${n}`) || fs.existsSync(`/tmp/.X${n}-lock`)) continue;
    const proc = spawn('Xvfb', [`:${n}`, '-screen', '0', '1024x768x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
    const ok = await new Promise<boolean>((resolve) => {
      const started = Date.now();
      const poll = () => {
        if (proc.exitCode !== null) return resolve(false);
        if (fs.existsSync(`/tmp/.X11-unix/X${n}`)) return resolve(true);
        if (Date.now() - started > 10_000) return resolve(false);
        setTimeout(poll, 50);
      };
      poll();
    });
    if (ok) return { display: `:${n}`, stop: () => proc.kill('SIGKILL') };
    proc.kill('SIGKILL');
  }
}

/**
 * The stand-in desktop client: a small page served from 127.0.0.1, opened by chromium in app mode
 * (a window titled like the client) on the given X display; what it receives lands in `records`.
 */
export async function startDesktopClient(options: { display: string; title: string; chats: string[]; profileDir: string }): Promise<{ records: ClientRecord[]; waitFor(pred: (r: ClientRecord[]) => boolean, timeoutMs?: number): Promise<void>; stop(): Promise<void> }> {
  const records: ClientRecord[] = [];
  const server = http.createServer((req, res) => {
    if (req.method === 'POST' && req.url === '/record') {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        records.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as ClientRecord);
        res.end('ok');
      });
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(fs.readFileSync(HTML));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/?title=${encodeURIComponent(options.title)}&chats=${encodeURIComponent(options.chats.join('|'))}`;
  const browser: ChildProcess = spawn(
    '/usr/bin/chromium',
    [`--app=${url}`, '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', `--user-data-dir=${options.profileDir}`, '--window-position=0,0', '--window-size=800,600'],
    { stdio: 'ignore', env: { ...process.env, DISPLAY: options.display } },
  );
  const waitFor = async (pred: (r: ClientRecord[]) => boolean, timeoutMs = 20_000) => {
    const started = Date.now();
    while (!pred(records)) {
      if (Date.now() - started > timeoutMs) throw new Error(`the desktop client did not get there in ${timeoutMs} ms: ${JSON.stringify(records)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return {
    records,
    waitFor,
    async stop() {
      const exited = new Promise((resolve) => browser.once('exit', resolve));
      browser.kill('SIGKILL');
      if (browser.exitCode === null && browser.signalCode === null) await exited;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
