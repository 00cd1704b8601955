import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeMetabase, type FakeMetabase } from '../../../main/demo/fake-metabase.js';
import { fixturePath } from '../../helpers/fixtures.js';
import { tempDir } from '../../helpers/tmp.js';

const servers: FakeMetabase[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function start(...args: Parameters<typeof startFakeMetabase>) {
  const s = await startFakeMetabase(...args);
  servers.push(s);
  return s;
}

const post = (url: string, init: { body?: unknown; session?: string } = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(init.session ? { 'X-Metabase-Session': init.session } : {}) },
    ...(init.body ? { body: JSON.stringify(init.body) } : {}),
  });

describe('fake Metabase server', () => {
  it('answers like Metabase: login, 202 with data.cols/rows, 401 without a session, 404 for an unknown card', async () => {
    const s = await start({ cards: { 7: [{ a: 1, b: 'x' }, { b: 'y' }] } });
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await post(`${s.url}/api/session/`, { body: { username: s.username, password: 'nope' } })).status).toBe(401);
    const login = await post(`${s.url}/api/session`, { body: { username: s.username, password: s.password } });
    const { id } = (await login.json()) as { id: string };
    const res = await post(`${s.url}/api/card/7/query`, { session: id });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ data: { cols: [{ name: 'a' }, { name: 'b' }], rows: [[1, 'x'], [null, 'y']] }, row_count: 2, status: 'completed' });
    expect((await post(`${s.url}/api/card/7/query`)).status).toBe(401);
    expect((await post(`${s.url}/api/card/8/query`, { session: id })).status).toBe(404);
    expect(s.requests.map((r) => [r.kind, r.status])).toEqual([['login', 401], ['login', 200], ['query', 202], ['query', 401], ['query', 404]]);
    expect(s.logins()).toBe(2);
    expect(s.queries(7)).toBe(2);
  });

  it('loads cards from a file mapping card ids to fixture rows, raw answers or declared columns', async () => {
    const file = path.join(tempDir(), 'cards.json');
    const completion = JSON.parse(fs.readFileSync(fixturePath('monitors', 'ss-completion-02', 'run-4.json'), 'utf8')) as unknown;
    fs.writeFileSync(file, JSON.stringify({ 2016: completion, 719: { columns: ['id', 'time'], rows: [['e1', '2025-05-22T09:35:03.325454+08:00']] } }));
    const s = await start({ cardsFile: file });
    const { id } = (await (await post(`${s.url}/api/session/`, { body: { username: s.username, password: s.password } })).json()) as { id: string };
    const card = (await (await post(`${s.url}/api/card/2016/query`, { session: id })).json()) as { data: unknown };
    expect(card.data).toEqual((completion as { data: unknown }).data);
    const tech = (await (await post(`${s.url}/api/card/719/query`, { session: id })).json()) as { data: { cols: unknown } };
    expect(tech.data.cols).toEqual([{ name: 'id' }, { name: 'time' }]);
  });

  it('switches: injected failures for the next queries, 500s, expired sessions', async () => {
    const s = await start({ cards: { 1: [] } });
    const { id } = (await (await post(`${s.url}/api/session/`, { body: { username: s.username, password: s.password } })).json()) as { id: string };
    s.failNextQueries(1, 503);
    expect((await post(`${s.url}/api/card/1/query`, { session: id })).status).toBe(503);
    expect((await post(`${s.url}/api/card/1/query`, { session: id })).status).toBe(202);
    s.set({ serverError: true });
    expect((await post(`${s.url}/api/card/1/query`, { session: id })).status).toBe(500);
    s.set({ serverError: false, queryStatus: 200 });
    expect((await post(`${s.url}/api/card/1/query`, { session: id })).status).toBe(200);
    s.expireSessions();
    expect((await post(`${s.url}/api/card/1/query`, { session: id })).status).toBe(401);
    s.set({ rejectLogin: true });
    expect((await post(`${s.url}/api/session/`, { body: { username: s.username, password: s.password } })).status).toBe(401);
  });
});
