import crypto from 'node:crypto';
import type { Clock } from '../../shared/clock.js';
import { SlidingWindow } from './sliding-window.js';

export interface AppMessage {
  touser: string;
  msgtype: string;
  content: string;
  agentid: number;
  at: number;
  errcode: number;
}

export interface FakeAppOptions {
  corpId?: string;
  secret?: string;
  tokenTtlSeconds?: number;
  perMemberLimit?: number;
  windowMs?: number;
  /** Known member ids; others come back in `invaliduser`. Empty = everyone exists. */
  users?: string[];
}

type Reply = { status: number; json: Record<string, unknown> };

/**
 * A fake of the WeCom application API: `gettoken` (tokens with an expiry) and `message/send`
 * (40014 for a token it never issued, 42001 for an expired one, 45009 over the per-member limit,
 * `invaliduser` for unknown members). Records every message.
 */
export class FakeWecomApp {
  readonly messages: AppMessage[] = [];
  tokenRequests = 0;
  /** Answer gettoken with 60020 (IP not trusted) while set. */
  ipNotTrusted = false;
  private readonly tokens = new Map<string, number>();
  private readonly window: SlidingWindow;

  constructor(
    private readonly clock: Clock,
    readonly options: Required<FakeAppOptions>,
  ) {
    this.window = new SlidingWindow(options.perMemberLimit, options.windowMs);
  }

  static withDefaults(clock: Clock, o: FakeAppOptions = {}): FakeWecomApp {
    return new FakeWecomApp(clock, {
      corpId: o.corpId ?? 'ww-fake-corp',
      secret: o.secret ?? 'fake-app-secret-0001',
      tokenTtlSeconds: o.tokenTtlSeconds ?? 7200,
      perMemberLimit: o.perMemberLimit ?? 30,
      windowMs: o.windowMs ?? 60_000,
      users: o.users ?? [],
    });
  }

  /** Makes every issued token expired (the next send gets 42001). */
  expireTokens(): void {
    for (const token of this.tokens.keys()) this.tokens.set(token, 0);
  }

  /** Forgets every issued token (the next send gets 40014). */
  forgetTokens(): void {
    this.tokens.clear();
  }

  getToken(query: URLSearchParams): Reply {
    this.tokenRequests += 1;
    if (this.ipNotTrusted) return { status: 200, json: { errcode: 60020, errmsg: 'not allow to access from your ip' } };
    if (query.get('corpid') !== this.options.corpId || query.get('corpsecret') !== this.options.secret) return { status: 200, json: { errcode: 40001, errmsg: 'invalid credential' } };
    const token = crypto.randomBytes(16).toString('hex');
    this.tokens.set(token, this.clock.now() + this.options.tokenTtlSeconds * 1000);
    return { status: 200, json: { errcode: 0, errmsg: 'ok', access_token: token, expires_in: this.options.tokenTtlSeconds } };
  }

  send(query: URLSearchParams, body: Record<string, unknown>): Reply {
    const now = this.clock.now();
    const expiry = this.tokens.get(query.get('access_token') ?? '');
    if (expiry === undefined) return { status: 200, json: { errcode: 40014, errmsg: 'invalid access_token' } };
    if (expiry <= now) return { status: 200, json: { errcode: 42001, errmsg: 'access_token expired' } };
    const touser = String(body.touser ?? '');
    const msgtype = String(body.msgtype ?? '');
    const content = String((body[msgtype] as { content?: unknown } | undefined)?.content ?? '');
    const record = (errcode: number) => this.messages.push({ touser, msgtype, content, agentid: Number(body.agentid), at: now, errcode });
    if (this.options.users.length && !this.options.users.includes(touser)) {
      record(0);
      return { status: 200, json: { errcode: 0, errmsg: 'ok', invaliduser: touser } };
    }
    if (!this.window.tryHit(touser, now)) {
      record(45009);
      return { status: 200, json: { errcode: 45009, errmsg: 'api freq out of limit' } };
    }
    record(0);
    return { status: 200, json: { errcode: 0, errmsg: 'ok', invaliduser: '' } };
  }
}
