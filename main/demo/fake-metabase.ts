import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CardResult } from '../sources/types.js';
import { isObject } from '../sources/card-result.js';
import { jsonToCardResult } from '../sources/import.js';
import { parseJson } from '../sources/json.js';

/**
 * A local stand-in for Metabase over real HTTP on 127.0.0.1, for the tests and `--demo`: the two
 * endpoints Herald uses, answering as Metabase does (login 200 `{id}`, wrong password 401, query 202
 * `{data: {cols, rows}}`, bad session 401, unknown card 404), with switches for what goes wrong in
 * practice — an expired session, 200 instead of 202, slow, non-JSON or incomplete answers, 500s —
 * and a log of every request for assertions.
 */
export interface FakeMetabaseSwitches {
  /** Metabase answers card queries with 202; v1's HEAD also took 200. */
  queryStatus: 200 | 202;
  /** Milliseconds before a query is answered (a slow database). */
  delayMs: number;
  loginDelayMs: number;
  /** An answer Herald cannot use: HTML instead of JSON, JSON without `data`, a query failed in Metabase. */
  malformed: 'none' | 'non-json' | 'missing-data' | 'failed-query';
  /** Every query gets HTTP 500. */
  serverError: boolean;
  /** Every login gets 401, whatever the password. */
  rejectLogin: boolean;
}

export interface FakeRequest {
  kind: 'login' | 'query' | 'other';
  method: string;
  path: string;
  card?: number;
  /** The X-Metabase-Session header a query carried (fake tokens; assertions check reuse). */
  session?: string;
  /** The user name a login tried. */
  username?: string;
  status: number;
  at: number;
}

export interface FakeMetabaseOptions {
  username?: string;
  password?: string;
  port?: number;
  /** Card id → rows in any shape `setCard` takes. */
  cards?: Record<number, unknown>;
  /** A JSON file of such a map, e.g. `{"1514": [{...}, ...], "719": {"columns": [...], "rows": [[...]]}}`. */
  cardsFile?: string;
  switches?: Partial<FakeMetabaseSwitches>;
}

export interface FakeMetabase {
  readonly url: string;
  readonly port: number;
  readonly username: string;
  readonly password: string;
  readonly requests: FakeRequest[];
  /**
   * Serves rows for a card: a CardResult, a Metabase answer `{data: {cols, rows}}`, a list of row
   * objects (declared `columns` first), a list of positional arrays under `columns`, or
   * `{columns, rows}` holding either list.
   */
  setCard(cardId: number, rows: unknown, columns?: readonly string[]): void;
  removeCard(cardId: number): void;
  loadCardsFile(file: string): void;
  set(switches: Partial<FakeMetabaseSwitches>): void;
  /** Accepts a session issued elsewhere (e.g. one stored before a restart) as if this server had issued it. */
  acceptSession(token: string): void;
  /** Every session issued so far stops working (queries get 401), as when Metabase expires them. */
  expireSessions(): void;
  /** The next `count` queries get `status` (401 by default), then normal service resumes. */
  failNextQueries(count: number, status?: number): void;
  logins(): number;
  queries(cardId?: number): number;
  close(): Promise<void>;
}

const DEFAULT_SWITCHES: FakeMetabaseSwitches = { queryStatus: 202, delayMs: 0, loginDelayMs: 0, malformed: 'none', serverError: false, rejectLogin: false };

export async function startFakeMetabase(options: FakeMetabaseOptions = {}): Promise<FakeMetabase> {
  const username = options.username ?? 'demo@herald.local';
  const password = options.password ?? 'demo-password';
  const cards = new Map<number, CardResult>();
  const tokens = new Set<string>();
  const requests: FakeRequest[] = [];
  let switches: FakeMetabaseSwitches = { ...DEFAULT_SWITCHES, ...options.switches };
  let failures: { count: number; status: number } = { count: 0, status: 401 };

  const setCard = (cardId: number, rows: unknown, columns?: readonly string[]) => {
    const declared = isObject(rows) && Array.isArray(rows.columns) && Array.isArray(rows.rows) ? rows : undefined;
    const value = declared ? declared.rows : rows;
    const names = columns ?? (declared ? (declared.columns as string[]) : []);
    cards.set(cardId, jsonToCardResult(value, `fake card ${cardId}`, names).result);
  };
  const loadCardsFile = (file: string) => {
    const map = parseJson(fs.readFileSync(file, 'utf8'), { file });
    if (!isObject(map)) throw new Error(`${file}: expected an object of card id → rows`);
    for (const [id, rows] of Object.entries(map)) setCard(Number(id), rows);
  };
  for (const [id, rows] of Object.entries(options.cards ?? {})) setCard(Number(id), rows);
  if (options.cardsFile) loadCardsFile(options.cardsFile);

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url ?? '/').split('?')[0]!;
      const entry: FakeRequest = { kind: 'other', method: req.method ?? '', path, status: 0, at: Date.now() };
      requests.push(entry);
      const send = (status: number, body: unknown, contentType = 'application/json') => {
        entry.status = status;
        if (res.destroyed) return;
        res.writeHead(status, { 'Content-Type': contentType });
        res.end(typeof body === 'string' ? body : JSON.stringify(body));
      };
      const later = (ms: number, fn: () => void) => (ms > 0 ? setTimeout(fn, ms).unref() : fn());
      const card = /^\/api\/card\/(\d+)\/query\/?$/.exec(path);
      if (req.method === 'POST' && /^\/api\/session\/?$/.test(path)) {
        entry.kind = 'login';
        let body: unknown;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          body = undefined;
        }
        const creds = isObject(body) ? body : {};
        if (typeof creds.username === 'string') entry.username = creds.username;
        later(switches.loginDelayMs, () => {
          if (switches.rejectLogin || creds.username !== username || creds.password !== password) {
            send(401, { errors: { password: 'did not match stored password' } });
            return;
          }
          const token = crypto.randomUUID();
          tokens.add(token);
          send(200, { id: token });
        });
      } else if (req.method === 'POST' && card) {
        entry.kind = 'query';
        entry.card = Number(card[1]);
        const session = req.headers['x-metabase-session'];
        if (typeof session === 'string') entry.session = session;
        later(switches.delayMs, () => {
          if (failures.count > 0) {
            failures = { ...failures, count: failures.count - 1 };
            send(failures.status, failures.status === 401 ? 'Unauthenticated' : { message: 'Injected failure' }, failures.status === 401 ? 'text/plain' : 'application/json');
          } else if (typeof session !== 'string' || !tokens.has(session)) send(401, 'Unauthenticated', 'text/plain');
          else if (switches.serverError) send(500, { message: 'Internal server error' });
          else if (switches.malformed === 'non-json') send(switches.queryStatus, '<html><body>502 Bad Gateway</body></html>', 'text/html');
          else if (switches.malformed === 'missing-data') send(switches.queryStatus, { status: 'completed', row_count: 0 });
          else if (switches.malformed === 'failed-query') send(switches.queryStatus, { status: 'failed', error: 'ERROR: relation "contracts" does not exist', data: { rows: [], cols: [] } });
          else {
            const result = cards.get(entry.card!);
            if (!result) send(404, 'Not found.', 'text/plain');
            else send(switches.queryStatus, { data: { cols: result.cols, rows: result.rows }, row_count: result.rows.length, status: 'completed' });
          }
        });
      } else {
        send(404, 'Not found.', 'text/plain');
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    username,
    password,
    requests,
    setCard,
    removeCard: (cardId) => {
      cards.delete(cardId);
    },
    loadCardsFile,
    set: (next) => {
      switches = { ...switches, ...next };
    },
    acceptSession: (token) => {
      tokens.add(token);
    },
    expireSessions: () => tokens.clear(),
    failNextQueries: (count, status = 401) => {
      failures = { count, status };
    },
    logins: () => requests.filter((r) => r.kind === 'login').length,
    queries: (cardId) => requests.filter((r) => r.kind === 'query' && (cardId === undefined || r.card === cardId)).length,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
