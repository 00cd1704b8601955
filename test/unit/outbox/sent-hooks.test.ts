import { describe, expect, it } from 'vitest';
import { enqueueMessage, registerSentHook } from '../../../main/outbox/enqueue.js';
import { outboxWorld } from '../../helpers/outbox.js';

describe('sent-hooks', () => {
  it('run in the transaction that writes `sent`, with the message\'s metadata', async () => {
    const w = await outboxWorld();
    const db = w.herald.db;
    db.exec('CREATE TABLE notified (contract_id TEXT, message_id TEXT)');
    const off = registerSentHook('campaign.announcement.hooktest', (tx, m) => {
      expect(tx.inTransaction).toBe(true);
      tx.prepare('INSERT INTO notified VALUES (?, ?)').run(String(m.metadata?.contractId), m.id);
    });
    w.recipient({ id: 'grp', route: [{ channel: 'DRY_RUN', address: 'x' }] });
    const { id } = enqueueMessage(db, { businessType: 'campaign.announcement.hooktest', businessId: 'BJ:1', recipient: 'grp', content: { kind: 'text', text: 'hi' }, metadata: { contractId: '4094726635973593636' } });
    await w.worker.runOnce();
    off();
    expect(db.prepare('SELECT * FROM notified').all()).toEqual([{ contract_id: '4094726635973593636', message_id: id }]);
  });

  it('a failing hook rolls back only its own writes: the message stays sent and the trace says so', async () => {
    const w = await outboxWorld();
    const db = w.herald.db;
    db.exec('CREATE TABLE half (x TEXT)');
    const off = registerSentHook('hook.fails', (tx) => {
      tx.prepare("INSERT INTO half VALUES ('written before the error')").run();
      throw new Error('no such contract');
    });
    w.recipient({ id: 'grp', route: [{ channel: 'DRY_RUN', address: 'x' }] });
    const { id } = enqueueMessage(db, { businessType: 'hook.fails', businessId: '1', recipient: 'grp', content: { kind: 'text', text: 'hi' } });
    await w.worker.runOnce();
    off();
    expect(w.row(id).status).toBe('sent');
    expect(db.prepare('SELECT COUNT(*) FROM half').pluck().get()).toBe(0);
    expect(w.trace(id).at(-1)).toMatchObject({ kind: 'hook-failed', detail: 'no such contract' });
  });
});
