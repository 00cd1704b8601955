import { describe, expect, it } from 'vitest';
import { enqueueMessage } from '../../../main/outbox/enqueue.js';
import { outboxWorld, type OutboxWorld } from '../../helpers/outbox.js';

const SECRET = 'app-secret-value-7788';

async function world(app = {}): Promise<OutboxWorld> {
  const w = await outboxWorld({ fake: { app: { corpId: 'ww-corp', secret: SECRET, ...app } } });
  w.configure('WORK_WECHAT', { settings: { apiBase: w.fake.appApiBase, corpId: 'ww-corp', agentId: 1000002, timeoutMs: 5000 }, secrets: { secret: SECRET } });
  w.recipient({ id: 'campaign-contact:BJ', route: [{ channel: 'WORK_WECHAT', address: 'ZhangSan' }] });
  return w;
}
let n = 0;
const send = (w: OutboxWorld, text: string, recipient = 'campaign-contact:BJ') =>
  enqueueMessage(w.herald.db, { businessType: 'campaign.award', businessId: `c${(n += 1)}`, recipient, content: { kind: 'text', text } }).id;

describe('WORK_WECHAT (WeCom app messages)', () => {
  it('sends to the member with the app\'s agent id and caches the access token until it expires', async () => {
    const w = await world();
    const a = send(w, '恭喜张三获得奖励 200 元');
    const b = send(w, 'second');
    await w.worker.runOnce();
    expect(w.fake.app.messages.map((m) => [m.touser, m.agentid, m.msgtype, m.content, m.errcode])).toEqual([
      ['ZhangSan', 1000002, 'text', '恭喜张三获得奖励 200 元', 0],
      ['ZhangSan', 1000002, 'text', 'second', 0],
    ]);
    expect([w.row(a).status, w.row(b).status]).toEqual(['sent', 'sent']);
    expect(w.fake.app.tokenRequests).toBe(1);
    // Past the token's lifetime (7200 s, refreshed a little early) a new one is fetched.
    w.clock.advance(7200_000);
    send(w, 'third');
    await w.worker.runOnce();
    expect(w.fake.app.tokenRequests).toBe(2);
  });

  it.each([
    ['42001 (expired)', (w: OutboxWorld) => w.fake.app.expireTokens()],
    ['40014 (invalid)', (w: OutboxWorld) => w.fake.app.forgetTokens()],
  ])('fetches a new token on %s and sends, using no extra attempt', async (_name, breakTokens) => {
    const w = await world();
    send(w, 'warm-up');
    await w.worker.runOnce();
    breakTokens(w);
    const id = send(w, 'after refresh');
    await w.worker.runOnce();
    expect(w.row(id)).toMatchObject({ status: 'sent', total_attempts: 1 });
    expect(w.fake.app.tokenRequests).toBe(2);
    expect(w.fake.app.messages.filter((m) => m.errcode === 0).map((m) => m.content)).toEqual(['warm-up', 'after refresh']);
  });

  it('reports 60020 (IP not trusted) as a configuration error naming what to do', async () => {
    const w = await world();
    w.fake.app.ipNotTrusted = true;
    const id = send(w, 'x');
    await w.worker.runOnce();
    expect(w.row(id)).toMatchObject({ status: 'dead', last_error_code: 'WECOM_60020' });
    expect(w.row(id).last_error).toMatch(/trusted IPs/);
  });

  it('makes a wrong secret a clear configuration error and never shows the secret', async () => {
    const w = await world();
    w.configure('WORK_WECHAT', { secrets: { secret: 'wrong-secret-123456' } });
    const id = send(w, 'x');
    await w.worker.runOnce();
    expect(w.row(id)).toMatchObject({ status: 'dead', last_error_code: 'WECOM_40001' });
    expect(w.row(id).last_error).toMatch(/did not issue an access token.*Check the corp id, agent id and secret/);
    const everything = JSON.stringify([w.row(id), w.trace(id)]);
    expect(everything).not.toContain('wrong-secret-123456');
  });

  it('treats a member WeCom lists as invalid as undeliverable on this channel', async () => {
    const w = await world({ users: ['LiSi'] });
    const id = send(w, 'x');
    await w.worker.runOnce();
    expect(w.row(id)).toMatchObject({ status: 'dead', last_error_code: 'WECOM_INVALID_USER' });
  });

  it('keeps to 30 app messages per minute to the same member', async () => {
    const w = await world();
    for (let i = 0; i < 35; i += 1) send(w, `m${i}`);
    expect(await w.worker.runOnce()).toBe(30);
    w.clock.advance(61_000);
    expect(await w.worker.runOnce()).toBe(5);
    expect(w.fake.app.messages.filter((m) => m.errcode === 45009)).toHaveLength(0);
  });
});
