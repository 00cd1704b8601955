import fs from 'node:fs';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../helpers/headless.js';
import { startFakeMetabase, type FakeMetabase } from '../../../main/demo/fake-metabase.js';
import { createMetabaseClient } from '../../../main/sources/client.js';
import { readFixtureJson } from '../../helpers/fixtures.js';

const PASSWORD = 'Office-Metabase-Pa55!';
const SLA_ROWS = readFixtureJson<Array<Record<string, unknown>>>('monitors', 'sla-02', 'run-1.json');

const fakes: FakeMetabase[] = [];
afterEach(async () => {
  for (const f of fakes.splice(0)) await f.close();
});

async function setup(): Promise<{ s: TestServer; mb: FakeMetabase; responses: string[] }> {
  const mb = await startFakeMetabase({ username: 'herald@office.example', password: PASSWORD, cards: { 1514: SLA_ROWS } });
  fakes.push(mb);
  const s = await startTestServer();
  const responses: string[] = [];
  const call: TestServer['call'] = async (method, input) => {
    const { body } = await s.raw(method, input);
    responses.push(JSON.stringify(body));
    if (!body.ok) throw new Error(`${method} failed: ${body.error.code} ${body.error.message}`);
    return body.data as never;
  };
  return { s: { ...s, call }, mb, responses };
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('sources API over HTTP', () => {
  it('starts unconfigured with v1\'s defaults', async () => {
    const { s } = await setup();
    expect(await s.call('sources.get')).toEqual({ url: '', username: '', password: '', passwordSet: false, timeoutMs: 30_000, session: { active: false, loggedInAt: null, expiresAt: null } });
    const result = await s.call('sources.test', {});
    expect(result).toMatchObject({ ok: false, server: null, cardId: 1514, error: { code: 'SOURCE_NOT_CONFIGURED' } });
  });

  it('stores the account with the password masked, and a test logs in and fetches one card', async () => {
    const { s, mb } = await setup();
    const saved = await s.call('sources.set', { url: `${mb.url}/question/1514`, username: 'herald@office.example', password: PASSWORD, timeoutMs: 5_000 });
    expect(saved).toMatchObject({ url: mb.url, username: 'herald@office.example', password: '********', passwordSet: true, timeoutMs: 5_000 });
    const result = await s.call('sources.test', {});
    if (!result.ok) throw new Error(result.error.message);
    expect(result).toMatchObject({ server: mb.url, cardId: 1514, rows: SLA_ROWS.length, columns: 13 });
    expect(result.columnNames.slice(0, 3)).toEqual(['_id', 'sid', 'saCreateTime']);
    expect(result.totalMs).toBeGreaterThanOrEqual(result.loginMs);
    expect(mb.requests.map((r) => r.kind)).toEqual(['login', 'query']);
    // The test keeps its session to itself: the jobs' stored session is untouched.
    expect((await s.call('sources.get')).session.active).toBe(false);
  });

  it('reports a test\'s failure as data: wrong password, unreachable server, unknown card', async () => {
    const { s, mb } = await setup();
    await s.call('sources.set', { url: mb.url, username: 'herald@office.example', password: PASSWORD });
    const wrong = await s.call('sources.test', { password: 'not-it-at-all' });
    expect(wrong).toMatchObject({ ok: false, server: mb.url, error: { code: 'SOURCE_AUTH_FAILED' } });
    const unreachable = await s.call('sources.test', { url: 'http://127.0.0.1:9' });
    expect(unreachable).toMatchObject({ ok: false, server: 'http://127.0.0.1:9', error: { code: 'SOURCE_UNREACHABLE', message: 'Cannot reach Metabase at http://127.0.0.1:9 to log in (connection refused).' } });
    expect(await s.call('sources.test', { cardId: 4242 })).toMatchObject({ ok: false, cardId: 4242, error: { code: 'SOURCE_CARD_NOT_FOUND' } });
  });

  it('validates input: timeout range, address, card keys', async () => {
    const { s } = await setup();
    const slow = await s.raw('sources.set', { timeoutMs: 10 });
    expect(slow.status).toBe(400);
    expect(slow.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', context: { field: 'timeoutMs' } } });
    const url = await s.raw('sources.set', { url: 'ftp://metabase' });
    expect(url.body).toMatchObject({ ok: false, error: { code: 'SOURCE_URL_INVALID' } });
    const key = await s.raw('sources.cards.set', { key: 'no spaces please', cardId: 5 });
    expect(key.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', context: { field: 'key' } } });
  });

  it('lists and changes card ids; the runner\'s client resolves them', async () => {
    const { s } = await setup();
    const { cards } = await s.call('sources.cards.list');
    expect(cards.find((c) => c.key === 'BJ-SIGN-BROADCAST')).toEqual({ key: 'BJ-SIGN-BROADCAST', cardId: 2003, defaultCardId: 2003, kind: 'campaign', custom: false });
    const changed = await s.call('sources.cards.set', { key: 'pending-orders-reminder', cardId: 1800 });
    expect(changed.cards.find((c) => c.key === 'pending-orders-reminder')).toMatchObject({ cardId: 1800, defaultCardId: 1712, custom: true });
    const client = createMetabaseClient(s.herald);
    expect(client.cardId('pending-orders-reminder')).toBe(1800);
    await s.call('sources.cards.set', { key: 'pending-orders-reminder', cardId: null });
    expect(client.cardId('pending-orders-reminder')).toBe(1712);
    expect(() => client.cardId('BJ-2031-01')).toThrow(/No Metabase card is configured/);
  });

  it('runs a card through the runner\'s client with the session stored for the next run', async () => {
    const { s, mb } = await setup();
    await expect(createMetabaseClient(s.herald).queryCard(1514)).rejects.toMatchObject({ code: 'SOURCE_NOT_CONFIGURED' });
    await s.call('sources.set', { url: mb.url, username: 'herald@office.example', password: PASSWORD });
    const client = createMetabaseClient(s.herald);
    expect(createMetabaseClient(s.herald)).toBe(client);
    const result = await client.queryCard(client.cardId('sla-daily-report'));
    expect(result.rows).toHaveLength(SLA_ROWS.length);
    await client.queryCard(1514);
    expect(mb.logins()).toBe(1);
    const { session } = await s.call('sources.get');
    expect(session.active).toBe(true);
    // A changed password drops the session: the next query logs in again.
    await s.call('sources.set', { password: PASSWORD });
    expect((await s.call('sources.get')).session.active).toBe(false);
    await client.queryCard(1514);
    expect(mb.logins()).toBe(2);
  });

  it('never shows the password or a session token: not in API answers, logs, the data folder or diagnostics', async () => {
    const { s, mb, responses } = await setup();
    await s.call('sources.set', { url: mb.url, username: 'herald@office.example', password: PASSWORD });
    await s.call('sources.get');
    await s.call('sources.test', {});
    await s.call('sources.test', { password: 'Typo-Pa55word-x' });
    const client = createMetabaseClient(s.herald);
    await client.queryCard(1514);
    mb.expireSessions();
    await client.queryCard(1514);
    const diag = await s.call('diagnostics.export');
    const zip = unzipSync(fs.readFileSync(diag.file));
    expect(Object.keys(zip)).toContain('sources.json');
    expect(JSON.parse(strFromU8(zip['sources.json']!))).toMatchObject({ metabase: { url: mb.url, passwordSet: true }, session: { active: true } });
    await s.stop();
    const secrets = [PASSWORD, 'Typo-Pa55word-x', ...new Set(mb.requests.map((r) => r.session).filter((t): t is string => !!t))];
    expect(secrets.length).toBeGreaterThanOrEqual(4);
    const haystacks = [
      ...responses,
      ...filesUnder(s.dataDir).map((f) => fs.readFileSync(f).toString('latin1') + fs.readFileSync(f, 'utf8')),
      ...Object.values(zip).map((bytes) => strFromU8(bytes)),
    ];
    const logs = filesUnder(path.join(s.dataDir, 'logs'));
    expect(logs.length).toBeGreaterThan(0);
    expect(logs.map((f) => fs.readFileSync(f, 'utf8')).join('')).toContain('Logged in to Metabase');
    for (const secret of secrets) {
      for (const text of haystacks) expect(text.includes(secret)).toBe(false);
    }
  });
});
