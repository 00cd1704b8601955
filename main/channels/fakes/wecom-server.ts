import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock, type Clock } from '../../shared/clock.js';
import { SlidingWindow } from './sliding-window.js';
import { FakeWecomApp, type FakeAppOptions } from './wecom-app.js';
import { FakeSmartsheet, type SmartsheetReceipt } from './smartsheet.js';

export type { SmartsheetReceipt };

export interface RobotReceipt {
  key: string;
  body: Record<string, unknown>;
  /** The text of a text/markdown message. */
  content: string | undefined;
  at: number;
  /** What the fake answered (0 = accepted). */
  errcode: number;
  httpStatus: number;
}

export interface FakeWecomOptions {
  clock?: Clock;
  port?: number;
  /** Per robot key; WeCom's is 20 per minute. */
  robotLimit?: number;
  robotWindowMs?: number;
  /** Milliseconds the robot takes to answer (a function for random latency). */
  latencyMs?: number | (() => number);
  app?: FakeAppOptions;
}

/**
 * Local fake WeCom on 127.0.0.1 for tests and the demo (plain node:http, nothing else needed):
 * - group robot `POST /cgi-bin/webhook/send?key=K`: per-key sliding-window limit (45009 beyond it),
 *   errcodes or HTTP statuses on demand, keys that answer 93000, a record of everything received;
 * - smartsheet webhooks `POST /smartsheet/<sheet>` (see FakeSmartsheet): `{"errcode":0,"errmsg":"ok"}`,
 *   2022034 for a date field that is not epoch milliseconds, planned answers per sheet;
 * - application API `GET /cgi-bin/gettoken`, `POST /cgi-bin/message/send` (see FakeWecomApp).
 */
export class FakeWecomServer {
  readonly robot: RobotReceipt[] = [];
  readonly sheets = new FakeSmartsheet();
  readonly app: FakeWecomApp;
  readonly robotWindow: SlidingWindow;
  private readonly planned = new Map<string, Array<{ errcode?: number; httpStatus?: number }>>();
  private readonly invalidKeys = new Set<string>();
  private server: http.Server | undefined;
  private port = 0;
  private readonly clock: Clock;

  constructor(private readonly options: FakeWecomOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.robotWindow = new SlidingWindow(options.robotLimit ?? 20, options.robotWindowMs ?? 60_000);
    this.app = FakeWecomApp.withDefaults(this.clock, options.app);
  }

  /** Every smartsheet post received, whatever the answer. */
  get smartsheet(): SmartsheetReceipt[] {
    return this.sheets.received;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The robot webhook base; a recipient's address is the key (or `${robotUrl}?key=K`). */
  get robotUrl(): string {
    return `${this.baseUrl}/cgi-bin/webhook/send`;
  }

  get appApiBase(): string {
    return `${this.baseUrl}/cgi-bin`;
  }

  smartsheetUrl(name: string): string {
    return `${this.baseUrl}/smartsheet/${encodeURIComponent(name)}`;
  }

  /** The next answers for robot key `key` ('*' = any key): errcodes and/or HTTP statuses, in order. */
  plan(key: string, answers: Array<{ errcode?: number; httpStatus?: number }>): void {
    this.planned.set(key, [...(this.planned.get(key) ?? []), ...answers]);
  }

  /** This key answers 93000 (invalid webhook) from now on. */
  invalidate(key: string): void {
    this.invalidKeys.add(key);
  }

  /** Messages the robot accepted (errcode 0), optionally for one key. */
  accepted(key?: string): RobotReceipt[] {
    return this.robot.filter((r) => r.errcode === 0 && r.httpStatus === 200 && (key === undefined || r.key === key));
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(this.options.port ?? 0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    let body: Record<string, unknown>;
    try {
      body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {};
    } catch {
      return this.reply(res, 400, { errcode: 40035, errmsg: 'invalid json' });
    }
    if (url.pathname === '/cgi-bin/webhook/send') return this.robotSend(url, body, res);
    if (url.pathname.startsWith('/smartsheet/')) {
      const reply = this.sheets.handle(url.pathname, body, this.clock.now());
      res.writeHead(reply.status, { 'content-type': 'application/json' });
      return void res.end(reply.body);
    }
    if (url.pathname === '/cgi-bin/gettoken') {
      const r = this.app.getToken(url.searchParams);
      return this.reply(res, r.status, r.json);
    }
    if (url.pathname === '/cgi-bin/message/send') {
      const r = this.app.send(url.searchParams, body);
      return this.reply(res, r.status, r.json);
    }
    this.reply(res, 404, { errcode: 404, errmsg: 'not found' });
  }

  private async robotSend(url: URL, body: Record<string, unknown>, res: http.ServerResponse): Promise<void> {
    const latency = typeof this.options.latencyMs === 'function' ? this.options.latencyMs() : (this.options.latencyMs ?? 0);
    if (latency > 0) await new Promise((r) => setTimeout(r, latency));
    const key = url.searchParams.get('key') ?? '';
    const msgtype = String(body.msgtype ?? '');
    const content = (body[msgtype] as { content?: unknown } | undefined)?.content;
    const receipt = (errcode: number, httpStatus = 200) =>
      this.robot.push({ key, body, content: typeof content === 'string' ? content : undefined, at: this.clock.now(), errcode, httpStatus });
    const queue = this.planned.get(key)?.length ? this.planned.get(key)! : this.planned.get('*');
    const planned = queue?.shift();
    if (planned?.httpStatus && planned.httpStatus !== 200) {
      receipt(-1, planned.httpStatus);
      return this.reply(res, planned.httpStatus, { errcode: -1, errmsg: 'planned HTTP error' });
    }
    const errcode = planned?.errcode ?? (this.invalidKeys.has(key) || !key ? 93000 : this.robotWindow.tryHit(key, this.clock.now()) ? 0 : 45009);
    receipt(errcode);
    const errmsg = errcode === 0 ? 'ok' : errcode === 45009 ? 'api freq out of limit' : errcode === 93000 ? 'invalid webhook url' : 'system busy';
    this.reply(res, 200, { errcode, errmsg });
  }

  private reply(res: http.ServerResponse, status: number, json: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(json));
  }
}
