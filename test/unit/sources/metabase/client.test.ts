import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MetabaseHttpClient, type MetabaseConnection } from '../../../../main/sources/metabase/client.js';
import { databaseSessionStore, memorySessionStore, type SessionStore } from '../../../../main/sources/metabase/session.js';
import { startFakeMetabase, type FakeMetabase } from '../../../../main/demo/fake-metabase.js';
import { ManualClock } from '../../../../main/shared/clock.js';
import { onLogEntry, type LogEntry } from '../../../../main/logging/logger.js';
import { openDatabase } from '../../../../main/db/open.js';
import { migrate } from '../../../../main/db/migrate.js';
import { createSecretBox } from '../../../../main/db/secrets.js';
import { readFixtureJson } from '../../../helpers/fixtures.js';
import { tempDir } from '../../../helpers/tmp.js';
import { rejected } from '../../../helpers/errors.js';

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.parse('2026-10-29T08:00:00+08:00');
const SLA_ROWS = readFixtureJson<Array<Record<string, unknown>>>('monitors', 'sla-02', 'run-1.json');
const SLA_COLUMNS = ['_id', 'sid', 'saCreateTime', 'orderNum', 'province', 'orgName', 'supervisorName', 'sourceType', 'status', 'msg', 'memo', 'workType', 'createTime'];

const servers: FakeMetabase[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function fake(): Promise<FakeMetabase> {
  const s = await startFakeMetabase({ username: 'ops@example.com', password: 'S3cret-Pa55word!' });
  s.setCard(1514, SLA_ROWS, SLA_COLUMNS);
  servers.push(s);
  return s;
}

function client(server: { url: string }, options: { clock?: ManualClock; sessions?: SessionStore; timeoutMs?: number; password?: string } = {}) {
  const connection: MetabaseConnection = {
    url: server.url,
    username: 'ops@example.com',
    password: options.password ?? 'S3cret-Pa55word!',
    timeoutMs: options.timeoutMs ?? 5_000,
  };
  return new MetabaseHttpClient({ connection: () => connection, sessions: options.sessions ?? memorySessionStore(), clock: options.clock ?? new ManualClock(T0) });
}

describe('Metabase client', () => {
  it('logs in with the account, then runs the card with the session header and returns its columns and rows', async () => {
    const s = await fake();
    const result = await client(s).queryCard(1514);
    expect(result.cols.map((c) => c.name)).toEqual(SLA_COLUMNS);
    expect(result.rows).toHaveLength(SLA_ROWS.length);
    expect(result.rows[0]).toEqual(SLA_COLUMNS.map((c) => SLA_ROWS[0]![c] ?? null));
    // The answer records which card on which server it is, so a job's errors can name them.
    expect(result.source).toEqual({ card: 1514, server: s.url });
    const [login, query] = s.requests;
    expect(login).toMatchObject({ kind: 'login', path: '/api/session/', username: 'ops@example.com', status: 200 });
    expect(query).toMatchObject({ kind: 'query', path: '/api/card/1514/query', card: 1514, status: 202 });
    expect(query!.session).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('accepts 200 as well as 202', async () => {
    const s = await fake();
    s.set({ queryStatus: 200 });
    const result = await client(s).queryCard(1514);
    expect(s.requests.at(-1)!.status).toBe(200);
    expect(result.rows).toHaveLength(SLA_ROWS.length);
  });

  it('reuses the session for 14 days by its login time, then logs in again', async () => {
    const s = await fake();
    const clock = new ManualClock(T0);
    const c = client(s, { clock });
    await c.queryCard(1514);
    clock.advance(14 * DAY - 1);
    await c.queryCard(1514);
    expect(s.logins()).toBe(1);
    const first = s.requests.filter((r) => r.kind === 'query').map((r) => r.session);
    expect(first[0]).toBe(first[1]);
    clock.advance(1);
    await c.queryCard(1514);
    expect(s.logins()).toBe(2);
    expect(s.requests.at(-1)!.session).not.toBe(first[0]);
  });

  it('keeps the session sealed in the database, so another client (a restart) reuses it', async () => {
    const s = await fake();
    const dir = tempDir();
    const db = openDatabase(path.join(dir, 'db.sqlite'));
    migrate(db);
    const box = createSecretBox(Buffer.alloc(32, 7));
    const store = () => databaseSessionStore(() => db, () => box);
    await client(s, { sessions: store() }).queryCard(1514);
    await client(s, { sessions: store() }).queryCard(1514);
    expect(s.logins()).toBe(1);
    const token = s.requests.find((r) => r.kind === 'query')!.session!;
    const row = db.prepare('SELECT token_sealed, logged_in_at_ms FROM metabase_session').get() as { token_sealed: string; logged_in_at_ms: number };
    expect(row.logged_in_at_ms).toBe(T0);
    expect(row.token_sealed).not.toContain(token);
    expect(box.open(row.token_sealed)).toBe(token);
    db.close();
  });

  it('uses a stored session without logging in (v1 vector 7.6: the managed session uses the stored one; 200 with JSON is returned)', async () => {
    const s = await fake();
    s.set({ queryStatus: 200 });
    const stored = readFixtureJson<{ id: string }>('repo-tests', 'metabase_session_test.json');
    const sessions = memorySessionStore();
    sessions.save(s.url, 'ops@example.com', { token: stored.id, loggedInAtMs: T0 - 13 * DAY });
    s.acceptSession(stored.id);
    const result = await client(s, { sessions }).queryCard(1514);
    expect(s.logins()).toBe(0);
    expect(s.requests).toEqual([expect.objectContaining({ kind: 'query', session: 'test-session-id', status: 200 })]);
    expect(result.rows).toHaveLength(SLA_ROWS.length);
  });

  it('on 401 (a session Metabase expired early) logs in once more and retries once', async () => {
    const s = await fake();
    const c = client(s);
    await c.queryCard(1514);
    s.expireSessions();
    const result = await c.queryCard(1514);
    expect(result.rows).toHaveLength(SLA_ROWS.length);
    expect(s.requests.map((r) => `${r.kind}:${r.status}`)).toEqual(['login:200', 'query:202', 'query:401', 'login:200', 'query:202']);
  });

  it('retries only once: a second 401 fails the run with SOURCE_AUTH_FAILED naming card and server', async () => {
    const s = await fake();
    s.failNextQueries(2, 401);
    const err = await rejected(client(s).queryCard(1514));
    expect(err.code).toBe('SOURCE_AUTH_FAILED');
    expect(err.message).toContain('card 1514');
    expect(err.message).toContain(s.url);
    expect(err.context).toMatchObject({ card: 1514, server: s.url, status: 401 });
    expect(s.logins()).toBe(2);
    expect(s.queries()).toBe(2);
  });

  it('refuses a wrong password with SOURCE_AUTH_FAILED naming the user and server, never the password', async () => {
    const s = await fake();
    const err = await rejected(client(s, { password: 'wrong-password-123' }).queryCard(1514));
    expect(err.code).toBe('SOURCE_AUTH_FAILED');
    expect(err.message).toContain('"ops@example.com"');
    expect(err.message).toContain(s.url);
    expect(JSON.stringify(err.toJSON())).not.toContain('wrong-password-123');
    expect(s.queries()).toBe(0);
  });

  it('treats a non-JSON answer as a failure (after the one retry) with SOURCE_BAD_RESPONSE', async () => {
    const s = await fake();
    s.set({ malformed: 'non-json' });
    const err = await rejected(client(s).queryCard(1514));
    expect(err.code).toBe('SOURCE_BAD_RESPONSE');
    expect(err.message).toMatch(/card 1514 is not JSON \(HTTP 202, text\/html, begins "<html>/);
    expect(s.queries()).toBe(2);
  });

  it('names the missing part when the answer has no data.rows/cols, and reports a query that failed inside Metabase', async () => {
    const s = await fake();
    s.set({ malformed: 'missing-data' });
    const missing = await rejected(client(s).queryCard(1514));
    expect(missing.code).toBe('SOURCE_BAD_RESPONSE');
    expect(missing.message).toBe(`Card 1514 on ${s.url} answered with no usable rows: "data" is missing.`);
    s.set({ malformed: 'failed-query' });
    const failed = await rejected(client(s).queryCard(1514));
    expect(failed.code).toBe('SOURCE_QUERY_FAILED');
    expect(failed.message).toContain('relation "contracts" does not exist');
  });

  it('reports HTTP 500 as SOURCE_HTTP_ERROR and an unknown card as SOURCE_CARD_NOT_FOUND', async () => {
    const s = await fake();
    expect((await rejected(client(s).queryCard(9999))).code).toBe('SOURCE_CARD_NOT_FOUND');
    s.set({ serverError: true });
    const err = await rejected(client(s).queryCard(1514));
    expect(err.code).toBe('SOURCE_HTTP_ERROR');
    expect(err.context).toMatchObject({ status: 500, card: 1514 });
  });

  it('gives up on a slow answer after the timeout with SOURCE_TIMEOUT (retried once)', async () => {
    const s = await fake();
    s.set({ delayMs: 1_500 });
    const started = Date.now();
    const err = await rejected(client(s, { timeoutMs: 200 }).queryCard(1514));
    expect(err.code).toBe('SOURCE_TIMEOUT');
    expect(err.message).toBe(`Metabase at ${s.url} did not answer within 0.2 s to run card 1514.`);
    expect(s.queries()).toBe(2);
    expect(Date.now() - started).toBeLessThan(1_400);
  });

  it('reports a server that refuses connections as SOURCE_UNREACHABLE naming its address', async () => {
    const port = await new Promise<number>((resolve) => {
      const srv = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (srv.address() as net.AddressInfo).port;
        srv.close(() => resolve(p));
      });
    });
    const url = `http://127.0.0.1:${port}`;
    const err = await rejected(client({ url }).queryCard(1514));
    expect(err.code).toBe('SOURCE_UNREACHABLE');
    expect(err.message).toBe(`Cannot reach Metabase at ${url} to log in (connection refused).`);
    expect(err.context).toMatchObject({ server: url, reason: 'ECONNREFUSED' });
  });

  it('stops at once when the run is aborted, without retrying', async () => {
    const s = await fake();
    const c = client(s);
    await c.login();
    s.set({ delayMs: 3_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const err = await rejected(c.queryCard(1514, { signal: controller.signal }));
    expect(err.code).toBe('SOURCE_ABORTED');
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(s.queries()).toBe(1);
    expect((await rejected(c.queryCard(1514, { signal: AbortSignal.abort() }))).code).toBe('SOURCE_ABORTED');
  });

  it('shares one login between concurrent queries', async () => {
    const s = await fake();
    s.set({ loginDelayMs: 100 });
    const c = client(s);
    const results = await Promise.all([c.queryCard(1514), c.queryCard(1514), c.queryCard(1514)]);
    expect(results.every((r) => r.rows.length === SLA_ROWS.length)).toBe(true);
    expect(s.logins()).toBe(1);
  });

  it('never logs the password or a whole session token', async () => {
    const s = await fake();
    const entries: LogEntry[] = [];
    const off = onLogEntry((e) => entries.push(e));
    try {
      const c = client(s);
      await c.queryCard(1514);
      s.expireSessions();
      await c.queryCard(1514);
      await rejected(client(s, { password: 'another-Secret-99' }).queryCard(1514));
    } finally {
      off();
    }
    const text = JSON.stringify(entries);
    expect(entries.some((e) => e.message === 'Logged in to Metabase')).toBe(true);
    expect(text).not.toContain('S3cret-Pa55word!');
    expect(text).not.toContain('another-Secret-99');
    for (const token of new Set(s.requests.map((r) => r.session).filter(Boolean))) expect(text).not.toContain(token!);
  });
});
