import type { MessageContent } from '../outbox/types.js';
import { MONITOR_JOBS } from '../monitors/definitions.js';
import { SMARTSHEET_JOB_IDS } from '../monitors/jobs/smartsheet-sync.js';
import { SMARTSHEET_TABLES } from '../monitors/transforms/smartsheet-tables.js';
import { resolveProvider } from '../monitors/transforms/recipients.js';
import { ANNOUNCEMENT, campaignNotification, campaignOfActivity, type Evidence } from './campaigns.js';
import type { Planner } from './planner.js';
import type { ImportedStatus, PlannedNotification } from './types.js';
import type { V1Row } from './v1-database.js';
import { v1Time } from './v1-time.js';

/**
 * v1's `notification_outbox` (spec §5.5) as Herald notifications: each row under the business
 * identity the Herald job uses — the campaign's `{activity}:{contract}`, a monitor's v1 dedupe key
 * (Herald's monitors kept v1's keys) — and the recipient the job's settings route it to.
 */

const STATUS: Record<string, ImportedStatus> = { sent: 'sent', failed: 'failed', dead_letter: 'dead', pending: 'unknown' };

/** The stored payload as Herald content: a WeCom text or markdown, a smartsheet body, a template card. */
export function contentOfPayload(payload: string): MessageContent {
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(payload) as Record<string, unknown>;
  } catch {
    return { kind: 'text', text: payload };
  }
  const part = (key: string) => (body[key] as { content?: unknown } | undefined)?.content;
  if (body.msgtype === 'text' && typeof part('text') === 'string') return { kind: 'text', text: part('text') as string };
  if (body.msgtype === 'markdown' && typeof part('markdown') === 'string') return { kind: 'markdown', text: part('markdown') as string };
  if (body.msgtype === 'template_card' && body.template_card) return { kind: 'template_card', card: body.template_card as Record<string, unknown> };
  if (Array.isArray(body.add_records)) return { kind: 'smartsheet', payload: body };
  return { kind: 'text', text: payload };
}

interface MonitorTarget {
  jobId: string;
  businessType: string;
  recipient: string;
  metadata?: Record<string, unknown>;
}

type SettingsOf = (jobId: string) => Record<string, unknown>;

function providerRecipient(settings: Record<string, unknown>, provider: string): string {
  const providers = new Set(Array.isArray(settings.providers) ? settings.providers.map(String) : []);
  return resolveProvider(provider, providers, String(settings.fallbackRecipient));
}

function monitorTarget(row: V1Row, settingsOf: SettingsOf): MonitorTarget | undefined {
  const activity = String(row.activity_code);
  const type = String(row.message_type);
  const contractId = String(row.contract_id ?? '');
  const sheet = Object.values(SMARTSHEET_TABLES).find((t) => t.activityCode === activity);
  if (sheet && type === 'wedoc_add_record') {
    const jobId = SMARTSHEET_JOB_IDS[sheet.table];
    return { jobId, businessType: `smartsheet.${sheet.table}`, recipient: String(settingsOf(jobId).recipient) };
  }
  const job = Object.values(MONITOR_JOBS).find((j) => j.v1.activityCode === activity);
  if (!job) return undefined;
  const settings = settingsOf(job.id);
  switch (type) {
    case 'sla_daily_violation':
      // raw = sla-daily::{date}::{orgName}::{orderNum}::{msg}::{memo}, then the hash.
      return { jobId: job.id, businessType: 'sla.daily', recipient: providerRecipient(settings, String(row.dedupe_key).split('::')[2] ?? '') };
    case 'sla_weekly_compliance':
    case 'sla_weekly_report':
      return {
        jobId: job.id,
        businessType: type === 'sla_weekly_report' ? 'sla.weekly-report' : 'sla.weekly-praise',
        recipient: providerRecipient(settings, contractId.replace(/^sla-weekly::/, '')),
      };
    case 'pending_orders_digest': {
      const org = contractId.replace(/^org::/, '');
      let fingerprints: unknown;
      try {
        fingerprints = (JSON.parse(String(row.metadata_json || '{}')) as { pending_order_fingerprints?: unknown }).pending_order_fingerprints;
      } catch {
        fingerprints = undefined;
      }
      return {
        jobId: job.id,
        businessType: 'pending-orders.digest',
        recipient: typeof settings.forceRecipient === 'string' ? settings.forceRecipient : providerRecipient(settings, org),
        metadata: { orgName: org, ...(Array.isArray(fingerprints) ? { pendingOrderFingerprints: fingerprints } : {}) },
      };
    }
    case 'housekeeper_offline_broadcast':
      return { jobId: job.id, businessType: 'housekeeper.offline', recipient: String(settings.recipient) };
    default:
      return undefined;
  }
}

export function planOutboxRows(rows: readonly V1Row[], planner: Planner, settingsOf: SettingsOf, source: string, now: number): void {
  const unknown = new Map<string, number>();
  for (const row of rows) {
    const v1Status = String(row.status);
    const attempts = Number(row.attempt_count ?? 0);
    const evidence: Evidence & Pick<PlannedNotification, 'attempts' | 'lastError'> = {
      status: STATUS[v1Status] ?? 'unknown',
      at: v1Time(row.sent_at ?? row.created_at, 'utc', now),
      source: `${source} #${String(row.id)}`,
      evidence: 'record',
      content: contentOfPayload(String(row.payload_json ?? '')),
      detail: `v1 outbox row #${String(row.id)}: ${String(row.message_type)} ${v1Status} after ${attempts} attempt(s)`,
      attempts,
      ...(row.last_error ? { lastError: String(row.last_error) } : {}),
    };
    const activity = String(row.activity_code);
    const campaign = campaignOfActivity(activity);
    if (campaign && row.message_type === 'group_broadcast') {
      planner.notify(campaignNotification(campaign, activity, String(row.contract_id), ANNOUNCEMENT, evidence));
      continue;
    }
    const target = monitorTarget(row, settingsOf);
    if (!target) {
      const what = `${activity} / ${String(row.message_type)}`;
      unknown.set(what, (unknown.get(what) ?? 0) + 1);
      continue;
    }
    planner.notify({ ...evidence, ...target, businessId: String(row.dedupe_key), monitor: { stateKey: null } });
  }
  for (const [what, count] of unknown) planner.skip(source, `${count} outbox row(s) of ${what}: not a job Herald runs`);
}
