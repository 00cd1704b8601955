import crypto from 'node:crypto';
import type { Db } from '../db/open.js';
import type { Firing, ScheduledJob } from '../triggers/scheduler.js';
import { ANY_EVENT } from '../triggers/scheduler.js';
import { DEFAULT_TIME_ZONE } from '../triggers/schedule.js';
import { HeraldError, isHeraldError } from '../shared/errors.js';
import { enqueueMessage } from './enqueue.js';
import { listTemplates, renderTemplate, type Template } from './templates.js';

/**
 * Templates that fire on their own: each enabled template is a trigger of the jobs' scheduler
 * (`template:<id>`) — a cron in Asia/Shanghai, or an event — and each firing renders the template
 * and enqueues its message, in the scheduler's claim transaction: the advanced due time and the
 * message commit together. The identity (`template`, template id + scheduled time) makes each
 * scheduled time deliver once, also when a catch-up or a second process fires it again.
 */
export const TEMPLATE_TRIGGER_PREFIX = 'template:';
export const TEMPLATE_BUSINESS_TYPE = 'template';
/** Firings kept per template (the messages themselves stay in the outbox). */
const KEPT_FIRINGS = 50;

export function templateTriggerId(templateId: number): string {
  return `${TEMPLATE_TRIGGER_PREFIX}${templateId}`;
}

/** A template as the scheduler sees it; a keyword-only realtime template hears every event. */
export function templateScheduledJob(t: Template): ScheduledJob {
  const trigger = t.kind === 'scheduled' ? { kind: 'cron' as const, expression: t.cron ?? '', timeZone: DEFAULT_TIME_ZONE } : { kind: 'event' as const, name: t.event || ANY_EVENT };
  // A missed time is sent once when Herald is back (with the missed time's date), like a daily report.
  return { jobId: templateTriggerId(t.id), triggers: [trigger], active: t.enabled, misfire: 'run-once', maxCatchUp: 1 };
}

export function templateScheduledJobs(db: Db): ScheduledJob[] {
  return listTemplates(db).map(templateScheduledJob);
}

const stamp = new Intl.DateTimeFormat('sv-SE', { timeZone: DEFAULT_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

/** What every firing supplies: its (logical) time in Asia/Shanghai. */
export function builtInValues(at: number): Record<string, string> {
  const datetime = stamp.format(new Date(at));
  return { date: datetime.slice(0, 10), time: datetime.slice(11, 16), datetime };
}

/** An event's values: the payload's top-level texts, numbers and booleans (a text payload is `text`). */
export function eventValues(payload: unknown): Record<string, string> {
  if (typeof payload === 'string') return { text: payload };
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return {};
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(payload)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') values[key] = String(value);
  }
  return values;
}

/** A keyword matches when one of the event's texts contains it, ignoring case. */
export function matchesKeywords(keywords: readonly string[], payload: unknown): boolean {
  if (keywords.length === 0) return true;
  const texts = Object.values(eventValues(payload)).map((v) => v.toLowerCase());
  return keywords.some((k) => k.trim() !== '' && texts.some((text) => text.includes(k.trim().toLowerCase())));
}

/** One firing's identity: the scheduled time, or the event (its `eventId` when it has one). */
export function templateBusinessId(t: Pick<Template, 'id'>, firing: Pick<Firing, 'scheduledAt' | 'eventName' | 'payload'>): string {
  const at = new Date(firing.scheduledAt).toISOString();
  if (firing.eventName === undefined) return `${t.id}:${at}`;
  const payload = firing.payload as { eventId?: unknown } | undefined;
  const eventId = payload && typeof payload === 'object' ? payload.eventId : undefined;
  if (typeof eventId === 'string' || typeof eventId === 'number') return `${t.id}:${firing.eventName}:${eventId}`;
  const hash = crypto.createHash('sha256').update(JSON.stringify(firing.payload ?? null)).digest('hex').slice(0, 12);
  return `${t.id}:${firing.eventName}:${at}:${hash}`;
}

export type FiringOutcome =
  | { templateId: number; name: string; messageId: string; created: boolean }
  | { templateId: number; name: string; error: { code: string; message: string } }
  /** A keyword template whose keywords the event did not contain. */
  | { templateId: number; name: string; skipped: true };

/**
 * Renders and enqueues one firing, and records it. Inside the caller's transaction. Errors of the
 * template (a missing variable, no recipient, a recipient the outbox refuses) are the firing's
 * recorded outcome — never a message with a hole; anything else throws (the claim rolls back).
 */
export function fireTemplate(db: Db, t: Template, firing: Firing, now: number): FiringOutcome {
  const base = { templateId: t.id, name: t.name };
  const event = firing.eventName !== undefined;
  if (event && !matchesKeywords(t.keywords, firing.payload)) return { ...base, skipped: true };
  const record = (messageId: string | null, error: { code: string; message: string } | null) => {
    db.prepare(
      `INSERT INTO template_firings (template_id, trigger_kind, event_name, scheduled_at, fired_at, message_id, error_code, error_message)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(t.id, event ? 'event' : firing.kind === 'catch-up' ? 'catch-up' : 'cron', firing.eventName ?? null, firing.scheduledAt, now, messageId, error?.code ?? null, error?.message ?? null);
    db.prepare('DELETE FROM template_firings WHERE template_id = ? AND id <= (SELECT id FROM template_firings WHERE template_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?)').run(t.id, t.id, KEPT_FIRINGS);
  };
  try {
    if (!t.recipient) throw new HeraldError('TEMPLATE_NO_RECIPIENT', `Template "${t.name}" has no recipient, so it cannot be sent. Choose one in Settings → Templates.`, { template: t.name });
    const values = { ...builtInValues(firing.scheduledAt), ...eventValues(firing.payload) };
    const text = renderTemplate(t.name, t.body, values);
    const message = { businessType: TEMPLATE_BUSINESS_TYPE, businessId: templateBusinessId(t, firing), recipient: t.recipient, content: { kind: t.contentKind, text } };
    const { id, created } = enqueueMessage(db, message, { now, ...(t.channel ? { onlyChannel: t.channel } : {}) });
    record(id, null);
    return { ...base, messageId: id, created };
  } catch (err) {
    if (!isHeraldError(err)) throw err;
    const error = { code: err.code, message: err.message };
    record(null, error);
    return { ...base, error };
  }
}

export interface TemplateFiringRow {
  template_id: number;
  trigger_kind: 'cron' | 'catch-up' | 'event';
  event_name: string | null;
  scheduled_at: number;
  fired_at: number;
  message_id: string | null;
  error_code: string | null;
  error_message: string | null;
}

/** The latest firing of each template. */
export function latestFirings(db: Db): Map<number, TemplateFiringRow> {
  const rows = db
    .prepare('SELECT f.* FROM template_firings f JOIN (SELECT template_id, MAX(id) AS id FROM template_firings GROUP BY template_id) m ON m.id = f.id')
    .all() as TemplateFiringRow[];
  return new Map(rows.map((r) => [r.template_id, r]));
}

/** Enabled templates whose latest firing failed and that nobody edited since: shown as failures. */
export function failingTemplates(db: Db): Array<{ template: Template; firing: TemplateFiringRow }> {
  const latest = latestFirings(db);
  return listTemplates(db).flatMap((template) => {
    const firing = latest.get(template.id);
    return template.enabled && firing?.error_code && firing.fired_at >= template.updatedAt ? [{ template, firing }] : [];
  });
}
