import { describe, expect, it } from 'vitest';
import { enqueueMessage } from '../../../main/outbox/enqueue.js';
import { metadataWithPolicy, pacingRule, policyOf } from '../../../main/outbox/delivery-policy.js';
import type { DeliveryPolicy, OutboundMessage } from '../../../main/outbox/types.js';
import { outboxWorld, type OutboxWorld } from '../../helpers/outbox.js';

const KEY = 'provider-robot-0001';

async function world(): Promise<OutboxWorld> {
  const w = await outboxWorld();
  w.recipient({ id: 'provider:*', route: [{ channel: 'GROUP_BOT', address: KEY }] });
  w.recipient({ id: 'smartsheet:payment-records', route: [{ channel: 'GROUP_BOT', address: w.fake.smartsheetUrl('payment-records') }] });
  return w;
}

function enqueue(w: OutboxWorld, businessId: string, delivery?: DeliveryPolicy, extra: Partial<OutboundMessage> = {}): string {
  const msg: OutboundMessage = {
    businessType: 'sla.daily',
    businessId,
    recipient: 'provider:北京德客声商贸有限公司',
    content: { kind: 'text', text: `超时通知:\n工单编号：${businessId}` },
    jobId: 'sla-daily-report',
    ...(delivery ? { delivery } : {}),
    ...extra,
  };
  return enqueueMessage(w.herald.db, msg, { now: w.clock.now() }).id;
}

const sheetRecord = (contract: string, paidAt: unknown) => ({
  schema: { fi9MN0: '合同编号', fO4cAe: '本次支付金额', fBaRQ1: '支付时间' },
  add_records: [{ values: { fi9MN0: contract, fO4cAe: 3000, fBaRQ1: paidAt } }],
});

describe('delivery policy of a message (pacing and success rule)', () => {
  it('is stored in the message metadata next to the job metadata, and read back clean', () => {
    expect(metadataWithPolicy({ metadata: { orgName: 'A' }, delivery: { pacingMs: 1500, success: 'smartsheet' } })).toEqual({ orgName: 'A', delivery: { pacingMs: 1500, success: 'smartsheet' } });
    expect(metadataWithPolicy({ metadata: { orgName: 'A' }, delivery: { pacingMs: 0 } })).toEqual({ orgName: 'A' });
    expect(policyOf({ delivery: { pacingMs: 200, success: 'no-such-rule' } })).toEqual({ pacingMs: 200 });
    expect(policyOf(undefined)).toEqual({});
    expect(pacingRule({ pacingMs: 200 }, { job_id: null, business_type: 'test' })).toEqual({ endpoint: 'pace:test', limit: 1, windowMs: 200 });
  });

  it("spaces a job's sends by its pacing, measured from the end of the previous send", async () => {
    const w = await world();
    const ids = ['A1', 'A2', 'A3'].map((id) => enqueue(w, id, { pacingMs: 1500 }));
    // Another job without pacing is not held back by this one's.
    const other = enqueue(w, 'B1', undefined, { jobId: 'pending-orders-reminder', businessType: 'pending-orders.digest' });
    expect(await w.worker.runOnce()).toBe(2);
    expect(ids.map((id) => w.row(id).status)).toEqual(['sent', 'pending', 'pending']);
    expect(w.row(other).status).toBe('sent');
    expect(w.row(ids[1]!)).toMatchObject({ wait_reason: 'rate-limit', next_attempt_at: w.clock.now() + 1500 });
    w.clock.advance(1499);
    expect(await w.worker.runOnce()).toBe(0);
    w.clock.advance(1);
    expect(await w.worker.runOnce()).toBe(1);
    w.clock.advance(1500);
    expect(await w.worker.runOnce()).toBe(1);
    expect(ids.map((id) => w.row(id).status)).toEqual(['sent', 'sent', 'sent']);
    const times = w.fake.accepted(KEY).filter((r) => String(r.content).includes('A')).map((r) => r.at);
    expect(times.slice(1).map((t, i) => t - times[i]!)).toEqual([1500, 1500]);
  });

  it('http-2xx counts any 2xx as delivered (v1 ignored the errcode for SLA); the default reads the errcode', async () => {
    const w = await world();
    w.fake.plan(KEY, [{ errcode: 93000 }, { errcode: 93000 }]);
    const lax = enqueue(w, 'A1', { success: 'http-2xx' });
    await w.worker.runOnce();
    expect(w.row(lax).status).toBe('sent');
    expect(w.trace(lax).at(-1)!.response_body).toContain('93000');
    const strict = enqueue(w, 'A2');
    await w.worker.runOnce();
    expect(w.row(strict)).toMatchObject({ status: 'dead', last_error_code: 'WECOM_93000' });
  });

  it('smartsheet rule: empty and non-JSON answers and errcode "0" are delivered; 2022034 is permanent with its reason', async () => {
    const w = await world();
    w.fake.sheets.plan('payment-records', [{ body: '' }, { body: 'OK' }, { body: '{"errcode":"0"}' }]);
    const delivered = ['C1', 'C2', 'C3'].map((c) =>
      enqueue(w, c, { success: 'smartsheet' }, { businessType: 'smartsheet.payment-records', recipient: 'smartsheet:payment-records', jobId: 'smartsheet-payment-records', content: { kind: 'smartsheet', payload: sheetRecord(c, '1767225600000') } }),
    );
    for (let i = 0; i < 3; i++) {
      await w.worker.runOnce();
      // The smartsheet channel's own spacing (200 ms per webhook) holds the next one.
      w.clock.advance(200);
    }
    expect(delivered.map((id) => w.row(id).status)).toEqual(['sent', 'sent', 'sent']);

    // v1-vectors §7.5: a body with a non-zero errcode is a failed send (v1: failed 1), not a delivery;
    // 40013 (invalid corpid) does not mend by retrying, so the outbox gives it up at once.
    w.fake.sheets.plan('payment-records', [{ body: '{"errcode":40013,"errmsg":"invalid corpid"}' }]);
    const refused = enqueue(w, 'C5', { success: 'smartsheet' }, { businessType: 'smartsheet.payment-records', recipient: 'smartsheet:payment-records', jobId: 'smartsheet-payment-records', content: { kind: 'smartsheet', payload: sheetRecord('C5', '1767225600000') } });
    await w.worker.runOnce();
    w.clock.advance(200);
    expect(w.row(refused)).toMatchObject({ status: 'dead', last_error_code: 'WECOM_40013', total_attempts: 1, sent_at: null });

    w.fake.sheets.setDateFields('payment-records', ['fBaRQ1']);
    const bad = enqueue(w, 'C4', { success: 'smartsheet' }, { businessType: 'smartsheet.payment-records', recipient: 'smartsheet:payment-records', jobId: 'smartsheet-payment-records', content: { kind: 'smartsheet', payload: sheetRecord('C4', '2026-01-01') } });
    await w.worker.runOnce();
    expect(w.row(bad)).toMatchObject({ status: 'dead', last_error_code: 'WECOM_2022034', total_attempts: 1 });
    expect(w.row(bad).last_error).toMatch(/smartsheet refused a date field/);
    expect(w.fake.sheets.received.at(-1)).toMatchObject({ sheet: 'payment-records', errcode: 2022034 });
  });

  it('an HTTP 5xx is retried under every rule', async () => {
    const w = await world();
    w.fake.plan(KEY, [{ httpStatus: 502 }]);
    const id = enqueue(w, 'A1', { success: 'http-2xx' });
    await w.worker.runOnce();
    expect(w.row(id)).toMatchObject({ status: 'failed', last_error_code: 'HTTP_502' });
  });
});
