import { describe, expect, it } from 'vitest';
import { enqueueMessage } from '../../../main/outbox/enqueue.js';
import { inTransaction } from '../../../main/db/open.js';
import { pruneMessages } from '../../../main/outbox/retention.js';
import { HeraldError } from '../../../main/shared/errors.js';
import { outboxWorld, T0 } from '../../helpers/outbox.js';

const msg = (businessId: string, recipient = 'bj-ops-group') => ({
  businessType: 'campaign.announcement',
  businessId,
  recipient,
  content: { kind: 'text' as const, text: `🧨 喜报 ${businessId}\n` },
  jobId: 'bj-sign',
  runId: 7,
});

describe('enqueueMessage', () => {
  it('creates a pending message with an MSG id of the Shanghai time and the sequence, and traces it', async () => {
    const w = await outboxWorld();
    const r = enqueueMessage(w.herald.db, msg('BJ-2026-03:1'), { now: T0 });
    expect(r).toEqual({ id: 'MSG20260302100000000001', created: true });
    const row = w.row(r.id);
    expect(row).toMatchObject({ status: 'pending', business_type: 'campaign.announcement', business_id: 'BJ-2026-03:1', recipient: 'bj-ops-group', job_id: 'bj-sign', run_id: 7, content_kind: 'text', content: '🧨 喜报 BJ-2026-03:1\n' });
    expect(w.trace(r.id).map((e) => e.kind)).toEqual(['enqueued']);
    expect(enqueueMessage(w.herald.db, msg('BJ-2026-03:2'), { now: T0 + 1000 }).id).toBe('MSG20260302100001000002');
  });

  it('returns the existing message for an existing identity and creates nothing', async () => {
    const w = await outboxWorld();
    const first = enqueueMessage(w.herald.db, msg('BJ-2026-03:1'));
    const again = enqueueMessage(w.herald.db, { ...msg('BJ-2026-03:1'), content: { kind: 'text', text: 'changed text' } });
    expect(again).toEqual({ id: first.id, created: false });
    expect(w.herald.db.prepare('SELECT COUNT(*) FROM messages').pluck().get()).toBe(1);
    expect(w.row(first.id).content).toBe('🧨 喜报 BJ-2026-03:1\n');
    // Another recipient of the same business event is another message.
    expect(enqueueMessage(w.herald.db, msg('BJ-2026-03:1', 'campaign-contact:BJ')).created).toBe(true);
  });

  it('commits and rolls back with the caller\'s transaction', async () => {
    const w = await outboxWorld();
    const db = w.herald.db;
    expect(() =>
      inTransaction(db, () => {
        enqueueMessage(db, msg('rolled-back'));
        throw new Error('the job failed');
      }),
    ).toThrow('the job failed');
    expect(db.prepare('SELECT COUNT(*) FROM message_identities').pluck().get()).toBe(0);
    const kept = inTransaction(db, () => enqueueMessage(db, msg('kept')));
    expect(w.row(kept.id).status).toBe('pending');
  });

  it('keeps identities after retention pruned the message, so the event is never sent again', async () => {
    const w = await outboxWorld();
    const db = w.herald.db;
    const r = enqueueMessage(db, msg('old'), { now: T0 });
    db.prepare("UPDATE messages SET status = 'sent', sent_at = ?, updated_at = ? WHERE id = ?").run(T0, T0, r.id);
    expect(pruneMessages(db, 180, T0 + 181 * 86_400_000)).toBe(1);
    expect(db.prepare('SELECT COUNT(*) FROM messages').pluck().get()).toBe(0);
    expect(enqueueMessage(db, msg('old'))).toEqual({ id: r.id, created: false });
  });

  it('refuses a message without identity or text, naming the field', async () => {
    const w = await outboxWorld();
    expect(() => enqueueMessage(w.herald.db, { ...msg('x'), recipient: ' ' })).toThrow(HeraldError);
    expect(() => enqueueMessage(w.herald.db, { ...msg('x'), content: { kind: 'text', text: '  ' } })).toThrow(/has no text/);
  });
});
