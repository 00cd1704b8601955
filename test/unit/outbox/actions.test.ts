import { describe, expect, it } from 'vitest';
import { enqueueMessage } from '../../../main/outbox/enqueue.js';
import { applyAction, applyOne } from '../../../main/outbox/actions.js';
import { interruptedCount } from '../../../main/outbox/control.js';
import { createLogger } from '../../../main/logging/logger.js';
import { outboxWorld, type OutboxWorld } from '../../helpers/outbox.js';

const KEY = 'robot-key-actions-01';
const log = createLogger('test');

async function world(): Promise<OutboxWorld> {
  const w = await outboxWorld();
  w.recipient({ id: 'grp', route: [{ channel: 'GROUP_BOT', address: KEY }] });
  return w;
}
const send = (w: OutboxWorld, businessId: string) => enqueueMessage(w.herald.db, { businessType: 'test', businessId, recipient: 'grp', content: { kind: 'text', text: businessId } }).id;

describe('manual actions', () => {
  it('retries a dead message from the start of its route', async () => {
    const w = await world();
    w.fake.plan(KEY, [{ errcode: 93000 }]);
    const id = send(w, 'once-invalid');
    await w.worker.runOnce();
    expect(w.row(id).status).toBe('dead');
    applyOne(w.herald.db, 'retry', id, w.clock.now(), log);
    expect(w.row(id)).toMatchObject({ status: 'pending', attempts: 0, exhausted_channels: '[]' });
    await w.worker.runOnce();
    expect(w.row(id).status).toBe('sent');
    expect(w.trace(id).map((e) => e.kind)).toEqual(['enqueued', 'sending', 'attempt-failed', 'dead', 'manual-retry', 'sending', 'sent']);
  });

  it('refuses an action on a message in the wrong status with a clear error', async () => {
    const w = await world();
    const id = send(w, 'fresh');
    expect(() => applyOne(w.herald.db, 'markSent', id, w.clock.now(), log)).toThrow(`Message ${id} is pending; "markSent" applies only to unknown messages.`);
    expect(() => applyOne(w.herald.db, 'retry', 'MSG-nope', w.clock.now(), log)).toThrow(/There is no message MSG-nope/);
  });

  it('cancels waiting messages: they are never sent', async () => {
    const w = await world();
    const id = send(w, 'cancel-me');
    applyOne(w.herald.db, 'cancel', id, w.clock.now(), log);
    await w.worker.runOnce();
    expect(w.row(id).status).toBe('cancelled');
    expect(w.fake.robot).toHaveLength(0);
  });

  it('bulk-retries the retryable messages of a selection and lists the skipped ones', async () => {
    const w = await world();
    w.fake.invalidate(KEY);
    const a = send(w, 'a');
    const b = send(w, 'b');
    await w.worker.runOnce();
    const c = send(w, 'c');
    const result = applyAction(w.herald.db, 'retry', [a, b, c], w.clock.now(), log);
    expect(result).toEqual({ changed: [a, b], skipped: [{ id: c, status: 'pending' }] });
  });

  describe('a send interrupted by a crash', () => {
    async function interrupted(policy: 'hold' | 'resend' = 'hold') {
      const w = await world();
      w.configure('GROUP_BOT', { onInterrupted: policy });
      const id = send(w, 'in-flight');
      // The first worker claims (marks `sending`) and "crashes" before the send finishes.
      expect(w.worker.claimNext()).toBeDefined();
      expect(w.row(id).status).toBe('sending');
      const next = w.newWorker();
      expect(next.recoverInterrupted()).toBe(1);
      return { w, id, next };
    }

    it('is held as unknown, counted, and traced', async () => {
      const { w, id, next } = await interrupted();
      expect(w.row(id)).toMatchObject({ status: 'unknown', last_error_code: 'INTERRUPTED' });
      expect(interruptedCount(w.herald.db)).toBe(1);
      expect(w.trace(id).at(-1)).toMatchObject({ kind: 'interrupted', status: 'unknown', detail: 'Herald stopped while this message was being sent (part 1 of 1 on GROUP_BOT); it may or may not have been delivered. Mark it sent or send it again.' });
      expect(await next.runOnce()).toBe(0);
    });

    it('"mark as sent" closes it without sending', async () => {
      const { w, id, next } = await interrupted();
      applyOne(w.herald.db, 'markSent', id, w.clock.now(), log, 'seen in the group');
      await next.runOnce();
      expect(w.row(id).status).toBe('sent');
      expect(w.fake.robot).toHaveLength(0);
      expect(w.trace(id).at(-1)).toMatchObject({ kind: 'marked-sent', detail: 'seen in the group' });
    });

    it('"send again" sends it once more, flagged as a possible duplicate', async () => {
      const { w, id, next } = await interrupted();
      applyOne(w.herald.db, 'sendAgain', id, w.clock.now(), log);
      await next.runOnce();
      expect(w.row(id)).toMatchObject({ status: 'sent', possible_duplicate: 1 });
      expect(w.fake.accepted(KEY)).toHaveLength(1);
    });

    it('is sent again at once when the channel says `resend`', async () => {
      const { w, id, next } = await interrupted('resend');
      expect(w.row(id)).toMatchObject({ status: 'pending', possible_duplicate: 1 });
      await next.runOnce();
      expect(w.row(id).status).toBe('sent');
    });

    it('is also reclaimed when its lease runs out (a hung send), and a late delivery resolves it', async () => {
      const w = await world();
      const id = send(w, 'hung');
      const claim = w.worker.claimNext()!;
      w.clock.advance(121_000);
      expect(w.newWorker().reclaimExpired()).toBe(1);
      expect(w.row(id).status).toBe('unknown');
      w.worker.settle(claim, { kind: 'sent', response: { status: 200, body: '{"errcode":0}' } });
      expect(w.row(id).status).toBe('sent');
      expect(w.trace(id).slice(-2).map((e) => e.kind)).toEqual(['late-result', 'late-result']);
    });
  });
});
