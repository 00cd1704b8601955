import { describe, expect, it } from 'vitest';
import { enqueueMessage } from '../../../main/outbox/enqueue.js';
import { outboxWorld, type OutboxWorld } from '../../helpers/outbox.js';

const send = (w: OutboxWorld, recipient: string, businessId = 'e1', kind: 'text' | 'template_card' = 'text') =>
  enqueueMessage(w.herald.db, {
    businessType: 'pending-orders.digest',
    businessId,
    recipient,
    content: kind === 'text' ? { kind: 'text', text: `digest ${businessId}` } : { kind: 'template_card', card: { card_type: 'text_notice' } },
  }).id;

describe('routing', () => {
  it('falls back to the next channel of the route when a channel is dead for the message, and shows it on the trace', async () => {
    const w = await outboxWorld();
    w.fake.invalidate('dead-key-000001');
    w.recipient({ id: 'bj-ops-group', route: [{ channel: 'GROUP_BOT', address: 'dead-key-000001' }, { channel: 'DRY_RUN', address: 'bj-ops' }] });
    const id = send(w, 'bj-ops-group');
    await w.worker.runOnce();
    expect(w.row(id)).toMatchObject({ status: 'sent', channel: 'DRY_RUN', exhausted_channels: '["GROUP_BOT"]' });
    const trace = w.trace(id);
    expect(trace.map((e) => `${e.kind}:${e.channel ?? ''}`)).toEqual(['enqueued:', 'sending:GROUP_BOT', 'attempt-failed:GROUP_BOT', 'fallback:DRY_RUN', 'sent:DRY_RUN']);
    expect(trace[3]!.detail).toBe('GROUP_BOT: gave up on this channel → DRY_RUN');
  });

  it('passes over unconfigured and disabled channels with the reason on the trace', async () => {
    const w = await outboxWorld();
    w.configure('EMAIL', { enabled: false });
    w.recipient({ id: 'campaign-contact:BJ', route: [{ channel: 'WORK_WECHAT', address: 'zhangsan' }, { channel: 'EMAIL', address: 'ops@example.com' }, { channel: 'SMS', address: '13800000000' }, { channel: 'DRY_RUN', address: 'x' }] });
    const id = send(w, 'campaign-contact:BJ');
    await w.worker.runOnce();
    expect(w.row(id)).toMatchObject({ status: 'sent', channel: 'DRY_RUN' });
    const fallback = w.trace(id).find((e) => e.kind === 'fallback')!;
    expect(fallback.detail).toBe('WORK_WECHAT: The WeCom app is not set up (missing corp id, agent id, secret); EMAIL: channel disabled; SMS: no provider configured → DRY_RUN');
  });

  it('skips a channel that cannot carry the content (a template card by e-mail)', async () => {
    const w = await outboxWorld();
    w.configure('EMAIL', { settings: { host: '127.0.0.1', from: 'herald@example.com' } });
    w.recipient({ id: 'ops', route: [{ channel: 'EMAIL', address: 'ops@example.com' }, { channel: 'GROUP_BOT', address: 'key-123456789' }] });
    const id = send(w, 'ops', 'card', 'template_card');
    await w.worker.runOnce();
    expect(w.row(id)).toMatchObject({ status: 'sent', channel: 'GROUP_BOT' });
    expect(w.fake.accepted('key-123456789')[0]!.body).toEqual({ msgtype: 'template_card', template_card: { card_type: 'text_notice' } });
  });

  it('a message held to DRY_RUN (a dry run) settles there, whether its route lists DRY_RUN or it has no route at all', async () => {
    const w = await outboxWorld();
    w.recipient({ id: 'bj-ops-group', route: [{ channel: 'GROUP_BOT', address: 'key-123456789' }] });
    const held = (recipient: string, businessId: string) =>
      enqueueMessage(w.herald.db, { businessType: 'sla.daily', businessId, recipient, content: { kind: 'text', text: 'dry' } }, { onlyChannel: 'DRY_RUN' }).id;
    const routed = held('bj-ops-group', 'd1');
    const unknown = held('nobody', 'd2');
    await w.worker.runOnce();
    expect(w.row(routed)).toMatchObject({ status: 'sent', channel: 'DRY_RUN' });
    expect(w.row(unknown)).toMatchObject({ status: 'sent', channel: 'DRY_RUN' });
    expect(w.fake.robot).toHaveLength(0);
  });

  it('makes a message for an unknown recipient dead with a clear reason', async () => {
    const w = await outboxWorld();
    const id = send(w, 'nobody');
    await w.worker.runOnce();
    expect(w.row(id)).toMatchObject({ status: 'dead', last_error_code: 'RECIPIENT_UNKNOWN', last_error: 'Recipient "nobody" has no configured channel. Add it in Settings → Recipients.' });
    expect(w.fake.robot).toHaveLength(0);
  });

  it('uses `prefix:*` for an unconfigured `prefix:name` recipient (v1: the provider\'s webhook, else the default)', async () => {
    const w = await outboxWorld();
    w.recipient({ id: 'provider:*', route: [{ channel: 'GROUP_BOT', address: 'default-key-0001' }] });
    w.recipient({ id: 'provider:北京修链', route: [{ channel: 'GROUP_BOT', address: 'beijing-key-0001' }] });
    const own = send(w, 'provider:北京修链', 'a');
    const other = send(w, 'provider:上海某公司', 'b');
    await w.worker.runOnce();
    expect(w.fake.accepted('beijing-key-0001').map((r) => r.content)).toEqual(['digest a']);
    expect(w.fake.accepted('default-key-0001').map((r) => r.content)).toEqual(['digest b']);
    expect(w.trace(other).find((e) => e.kind === 'recipient-fallback')!.detail).toBe('Recipient "provider:上海某公司" is not configured; using "provider:*".');
    expect(w.trace(own).some((e) => e.kind === 'recipient-fallback')).toBe(false);
  });

  it('reports every channel it passed over when none can deliver', async () => {
    const w = await outboxWorld();
    w.recipient({ id: 'x', route: [{ channel: 'SMS', address: '1' }, { channel: 'AI', address: 'bot' }] });
    const id = send(w, 'x');
    await w.worker.runOnce();
    expect(w.row(id)).toMatchObject({ status: 'dead', last_error_code: 'NO_USABLE_CHANNEL' });
    expect(w.row(id).last_error).toBe('No channel of recipient "x" can deliver this message (SMS: no provider configured; AI: no provider configured).');
  });
});
