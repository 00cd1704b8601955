import { describe, expect, it } from 'vitest';
import { enqueueMessage } from '../../../main/outbox/enqueue.js';
import { setSendingEnabled } from '../../../main/outbox/control.js';
import { utf8Bytes } from '../../../main/outbox/split.js';
import { outboxWorld, type OutboxWorld } from '../../helpers/outbox.js';
import { openDatabase } from '../../../main/db/open.js';

const KEY = 'robot-key-0001-abcdef';

async function world(fake = {}): Promise<OutboxWorld> {
  const w = await outboxWorld({ fake });
  w.recipient({ id: 'bj-ops-group', name: '（北京）修链服务运营', route: [{ channel: 'GROUP_BOT', address: KEY }] });
  return w;
}

const text = (w: OutboxWorld, businessId: string, body: string, kind: 'text' | 'markdown' = 'text') =>
  enqueueMessage(w.herald.db, { businessType: 'sla.daily', businessId, recipient: 'bj-ops-group', content: { kind, text: body } }, { now: w.clock.now() }).id;

describe('delivery worker', () => {
  it('delivers a text to the robot webhook and records each step on the trace', async () => {
    const w = await world();
    const id = text(w, 'sla::2026-03-02::A1', '📋 待预约工单提醒 (北京)\n\n共有 1 个工单待预约：');
    expect(await w.worker.runOnce()).toBe(1);
    expect(w.fake.accepted(KEY).map((r) => r.body)).toEqual([{ msgtype: 'text', text: { content: '📋 待预约工单提醒 (北京)\n\n共有 1 个工单待预约：' } }]);
    expect(w.row(id)).toMatchObject({ status: 'sent', channel: 'GROUP_BOT', total_attempts: 1, sent_at: w.clock.now() });
    expect(w.trace(id).map((e) => [e.kind, e.status])).toEqual([
      ['enqueued', 'pending'],
      ['sending', 'sending'],
      ['sent', 'sent'],
    ]);
  });

  it('splits a long text at line boundaries into parts of at most 2048 bytes, sent in order, and stores it unsplit', async () => {
    const w = await world();
    const lines = Array.from({ length: 120 }, (_, i) => `${String(i + 1).padStart(3, '0')}. 工单号：YHWX-BJ-${i}，客户：张三，地址：北京市朝阳区`);
    const whole = lines.join('\n');
    expect(utf8Bytes(whole)).toBeGreaterThan(2 * 2048);
    const id = text(w, 'long', whole);
    await w.worker.runOnce();
    const parts = w.fake.accepted(KEY).map((r) => r.content!);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    for (const p of parts) expect(utf8Bytes(p)).toBeLessThanOrEqual(2048);
    expect(parts.join('\n')).toBe(whole);
    expect(parts.every((p) => !p.startsWith('\n') && p.split('\n').every((l) => lines.includes(l)))).toBe(true);
    expect(w.row(id)).toMatchObject({ status: 'sent', content: whole, parts_sent: parts.length, parts_total: parts.length });
    expect(w.trace(id).filter((e) => e.kind === 'part-sent')).toHaveLength(parts.length - 1);
  });

  it('allows markdown up to 4096 bytes in one part', async () => {
    const w = await world();
    const md = Array.from({ length: 60 }, (_, i) => `> **${i}** 北京修链 <font color="warning">超时</font>`).join('\n');
    expect(utf8Bytes(md)).toBeGreaterThan(2048);
    expect(utf8Bytes(md)).toBeLessThanOrEqual(4096);
    text(w, 'md', md, 'markdown');
    await w.worker.runOnce();
    expect(w.fake.accepted(KEY).map((r) => r.body)).toEqual([{ msgtype: 'markdown', markdown: { content: md } }]);
  });

  it('retries errcode -1 and HTTP 5xx 5 minutes apart, at most 3 times, then the message is dead with the reason', async () => {
    const w = await world();
    const alerts: string[] = [];
    const worker = w.newWorker({ onDead: (d) => alerts.push(d.reason) });
    w.fake.plan(KEY, [{ errcode: -1 }, { httpStatus: 502 }, { errcode: -1 }, { errcode: -1 }]);
    const id = text(w, 'busy', 'hello');
    await worker.runOnce();
    expect(w.row(id)).toMatchObject({ status: 'failed', attempts: 1, last_error_code: 'WECOM_-1', next_attempt_at: w.clock.now() + 300_000 });
    for (const expected of ['HTTP_502', 'WECOM_-1']) {
      w.clock.advance(299_000);
      expect(await worker.runOnce()).toBe(0);
      w.clock.advance(1000);
      expect(await worker.runOnce()).toBe(1);
      expect(w.row(id)).toMatchObject({ status: 'failed', last_error_code: expected });
    }
    w.clock.advance(300_000);
    await worker.runOnce();
    expect(w.row(id)).toMatchObject({ status: 'dead', total_attempts: 4, last_error_code: 'WECOM_-1' });
    expect(w.row(id).last_error).toMatch(/busy/);
    expect(alerts).toHaveLength(1);
    expect(w.trace(id).map((e) => e.kind)).toEqual(['enqueued', 'sending', 'attempt-failed', 'sending', 'attempt-failed', 'sending', 'attempt-failed', 'sending', 'attempt-failed', 'dead']);
    expect(w.trace(id)[4]!.response_body).toContain('planned HTTP error');
  });

  it('makes a message dead at once on 93000 (invalid webhook) with the errcode', async () => {
    const w = await world();
    w.fake.invalidate(KEY);
    const id = text(w, 'invalid', 'hello');
    await w.worker.runOnce();
    expect(w.row(id)).toMatchObject({ status: 'dead', total_attempts: 1, last_error_code: 'WECOM_93000' });
    expect(w.row(id).last_error).toMatch(/webhook key is invalid \(93000/);
  });

  it('waits after 45009 without using an attempt, and holds the whole endpoint', async () => {
    const w = await world();
    w.fake.plan(KEY, [{ errcode: 45009 }]);
    const a = text(w, 'a', 'first');
    const b = text(w, 'b', 'second');
    expect(await w.worker.runOnce()).toBe(1);
    expect(w.row(a)).toMatchObject({ status: 'pending', attempts: 0, wait_reason: 'WECOM_45009', next_attempt_at: w.clock.now() + 60_000 });
    expect(w.row(b)).toMatchObject({ status: 'pending', wait_reason: 'rate-limit', next_attempt_at: w.clock.now() + 60_000 });
    w.clock.advance(60_000);
    expect(await w.worker.runOnce()).toBe(2);
    expect(w.fake.accepted(KEY).map((r) => r.content)).toEqual(['first', 'second']);
    expect(w.trace(a).map((e) => e.kind)).toContain('rate-limited');
  });

  it('keeps to 20 messages per minute per webhook key, so the server never answers 45009, and remembers it across restarts', async () => {
    const w = await world();
    for (let i = 0; i < 45; i += 1) text(w, `m${i}`, `message ${i}`);
    expect(await w.worker.runOnce()).toBe(20);
    // A restarted worker (new process) reads the persisted window and sends nothing more yet.
    const restarted = w.newWorker();
    w.clock.advance(30_000);
    expect(await restarted.runOnce()).toBe(0);
    w.clock.advance(31_000);
    expect(await restarted.runOnce()).toBe(20);
    w.clock.advance(61_000);
    expect(await restarted.runOnce()).toBe(5);
    expect(w.fake.robot.filter((r) => r.errcode === 45009)).toHaveLength(0);
    expect(w.fake.accepted(KEY).map((r) => r.content)).toEqual(Array.from({ length: 45 }, (_, i) => `message ${i}`));
  });

  it('its periodic check does not wait for the write lock a running pipeline holds, and reclaims a hung send once the lock is free', async () => {
    const w = await world();
    const id = text(w, 'hung', 'hello');
    expect(w.worker.claimNext()).toBeDefined();
    expect(w.row(id).status).toBe('sending');
    setSendingEnabled(w.herald.db, false);
    // Another connection (a pipeline worker's transaction) holds the write lock; a main-thread write
    // would wait for it. With no wait allowed, such a write fails with SQLITE_BUSY at once.
    const pipeline = openDatabase(w.herald.paths.dbFile);
    pipeline.exec('BEGIN IMMEDIATE');
    w.herald.db.pragma('busy_timeout = 0');
    try {
      expect(await w.worker.runOnce()).toBe(0);
    } finally {
      pipeline.exec('ROLLBACK');
      pipeline.close();
      w.herald.db.pragma('busy_timeout = 5000');
    }
    w.clock.advance(24 * 3_600_000);
    await w.worker.runOnce();
    expect(w.row(id)).toMatchObject({ status: 'unknown', last_error_code: 'INTERRUPTED' });
  });

  it('sends nothing while "stop all sending" is on; messages wait and go out when it is off', async () => {
    const w = await world();
    const id = text(w, 'stop', 'hello');
    setSendingEnabled(w.herald.db, false);
    expect(await w.worker.runOnce()).toBe(0);
    expect(w.row(id).status).toBe('pending');
    setSendingEnabled(w.herald.db, true);
    expect(await w.worker.runOnce()).toBe(1);
    expect(w.row(id).status).toBe('sent');
  });

  it('holds messages outside the channel\'s sending window until it opens (quiet hours)', async () => {
    const w = await world();
    w.configure('GROUP_BOT', { window: { start: '08:00', end: '23:30', timeZone: 'Asia/Shanghai' } });
    w.clock.set(Date.parse('2026-03-02T23:45:00+08:00'));
    const id = text(w, 'night', 'late news');
    expect(await w.worker.runOnce()).toBe(0);
    expect(w.row(id)).toMatchObject({ status: 'pending', wait_reason: 'window', next_attempt_at: Date.parse('2026-03-03T08:00:00+08:00') });
    expect(w.trace(id).map((e) => e.kind)).toEqual(['enqueued', 'window-wait']);
    w.clock.set(Date.parse('2026-03-03T07:59:59+08:00'));
    expect(await w.worker.runOnce()).toBe(0);
    w.clock.set(Date.parse('2026-03-03T08:00:00+08:00'));
    expect(await w.worker.runOnce()).toBe(1);
    expect(w.row(id).status).toBe('sent');
    expect(w.trace(id).filter((e) => e.kind === 'window-wait')).toHaveLength(1);
  });

  it('posts smartsheet records to the smartsheet webhook with its success rule', async () => {
    const w = await world();
    const sheet = w.fake.smartsheetUrl('project-settlement');
    w.recipient({ id: 'smartsheet:project-settlement', route: [{ channel: 'GROUP_BOT', address: sheet }] });
    const payload = { schema: { f04Gwj: '合同编号' }, add_records: [{ values: { f04Gwj: 'YHWX-BJ-JSJZ-2026050029' } }] };
    const { id } = enqueueMessage(w.herald.db, { businessType: 'smartsheet.project-settlement', businessId: 'YHWX-BJ-JSJZ-2026050029', recipient: 'smartsheet:project-settlement', content: { kind: 'smartsheet', payload } });
    await w.worker.runOnce();
    expect(w.fake.smartsheet.map((r) => r.body)).toEqual([payload]);
    expect(w.row(id).status).toBe('sent');
  });
});
