import { describe, expect, it } from 'vitest';
import { MONITOR_JOBS } from '../../../main/monitors/definitions.js';
import { contentOfPayload, planOutboxRows } from '../../../main/v1import/outbox-rows.js';
import { Planner, emptyPlan } from '../../../main/v1import/planner.js';

const settingsOf = (overrides: Record<string, Record<string, unknown>> = {}) => (jobId: string) => MONITOR_JOBS[jobId]!.settingsSchema.parse(overrides[jobId] ?? {});

function plan(rows: Array<Record<string, string | number | null>>, overrides?: Record<string, Record<string, unknown>>) {
  const p = new Planner(emptyPlan('v1-database', '/v1.sqlite'));
  planOutboxRows(rows, p, settingsOf(overrides), 'v1.sqlite', 1_000);
  return p.result();
}

const row = (r: Record<string, string | number | null>) => ({ id: 1, status: 'sent', attempt_count: 1, payload_json: '{"msgtype": "text", "text": {"content": "hi"}}', created_at: '2026-05-20 02:00:00', ...r });

describe('contentOfPayload', () => {
  it('turns WeCom payloads back into Herald content', () => {
    expect(contentOfPayload('{"msgtype": "text", "text": {"content": "你好"}}')).toEqual({ kind: 'text', text: '你好' });
    expect(contentOfPayload('{"msgtype": "markdown", "markdown": {"content": "**b**"}}')).toEqual({ kind: 'markdown', text: '**b**' });
    expect(contentOfPayload('{"schema": {"f": "x"}, "add_records": [{"values": {"f": 1.0}}]}')).toEqual({ kind: 'smartsheet', payload: { schema: { f: 'x' }, add_records: [{ values: { f: 1 } }] } });
    expect(contentOfPayload('{"msgtype": "template_card", "template_card": {"card_type": "text_notice"}}')).toEqual({ kind: 'template_card', card: { card_type: 'text_notice' } });
    expect(contentOfPayload('not json')).toEqual({ kind: 'text', text: 'not json' });
  });
});

describe('planOutboxRows', () => {
  it("gives each monitor row the job's business type, v1's dedupe key as business id, and the recipient the job's settings route to", () => {
    const dedupe = 'sla-daily::2026-10-28::北京九鼎建工科技工程有限公司::GD1::签约超时::m::776a496f0e57f520fb68';
    const result = plan([
      row({ activity_code: 'SLA-DAILY-SERVICE-REPORT', contract_id: 'sla::2026-10-28::GD1', message_type: 'sla_daily_violation', dedupe_key: dedupe }),
      row({ id: 2, activity_code: 'SLA-DAILY-SERVICE-REPORT', contract_id: 'sla-weekly::某未知公司', message_type: 'sla_weekly_report', dedupe_key: 'sla-weekly-report::2026-10-25::某未知公司::abc' }),
      row({ id: 3, activity_code: 'PENDING-ORDERS-REMINDER', contract_id: 'org::北京怀军防水工程有限公司', message_type: 'pending_orders_digest', dedupe_key: 'k3', metadata_json: '{"pending_order_fingerprints": ["fp1"]}' }),
      row({ id: 4, activity_code: 'HOUSEKEEPER-OFFLINE-BROADCAST', contract_id: 'event::fp', message_type: 'housekeeper_offline_broadcast', dedupe_key: 'fp', status: 'dead_letter' }),
      row({ id: 5, activity_code: 'PAYMENT-RECORDS-SMARTSHEET-SYNC', contract_id: 'YHWX-1', message_type: 'wedoc_add_record', dedupe_key: 'wedoc-payment-records::x', status: 'failed', last_error: 'HTTP 500: x' }),
    ]);
    expect(result.notifications.map((n) => [n.jobId, n.businessType, n.businessId, n.recipient, n.status])).toEqual([
      ['sla-daily-report', 'sla.daily', dedupe, 'provider:北京九鼎建工科技工程有限公司', 'sent'],
      ['sla-daily-report', 'sla.weekly-report', 'sla-weekly-report::2026-10-25::某未知公司::abc', 'wecom-default', 'sent'],
      ['pending-orders-reminder', 'pending-orders.digest', 'k3', 'provider:北京怀军防水工程有限公司', 'sent'],
      ['housekeeper-offline-broadcast', 'housekeeper.offline', 'fp', 'housekeeper-offline-group', 'dead'],
      ['smartsheet-payment-records', 'smartsheet.payment-records', 'wedoc-payment-records::x', 'smartsheet:payment-records', 'failed'],
    ]);
    expect(result.notifications[2]!.metadata).toEqual({ orgName: '北京怀军防水工程有限公司', pendingOrderFingerprints: ['fp1'] });
    expect(result.notifications[4]).toMatchObject({ lastError: 'HTTP 500: x', attempts: 1, monitor: { stateKey: null } });
  });

  it('follows changed settings (a forced pending-orders recipient) and names what it cannot place', () => {
    const result = plan(
      [
        row({ activity_code: 'PENDING-ORDERS-REMINDER', contract_id: 'org::A', message_type: 'pending_orders_digest', dedupe_key: 'k' }),
        row({ id: 2, activity_code: 'SOMETHING-ELSE', contract_id: 'x', message_type: 'group_broadcast', dedupe_key: 'y' }),
        row({ id: 3, activity_code: 'SOMETHING-ELSE', contract_id: 'z', message_type: 'group_broadcast', dedupe_key: 'w' }),
      ],
      { 'pending-orders-reminder': { forceRecipient: 'test-group' } },
    );
    expect(result.notifications.map((n) => n.recipient)).toEqual(['test-group']);
    expect(result.skipped).toEqual([{ source: 'v1.sqlite', reason: '2 outbox row(s) of SOMETHING-ELSE / group_broadcast: not a job Herald runs' }]);
  });

  it('puts campaign broadcasts under the campaign identity, pending rows as unknown', () => {
    const result = plan([row({ activity_code: 'BJ-SIGN-BROADCAST-2026-05', contract_id: 'C401', message_type: 'group_broadcast', dedupe_key: 'C401::group_broadcast::abc', status: 'pending' })]);
    expect(result.notifications).toEqual([
      expect.objectContaining({ jobId: 'bj-sign-broadcast', businessType: 'campaign.announcement', businessId: 'BJ-SIGN-BROADCAST-2026-05:C401', recipient: 'sign-broadcast-group', status: 'unknown' }),
    ]);
  });
});
