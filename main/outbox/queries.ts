import type { Db } from '../db/open.js';
import { MESSAGE_STATUSES, type MessageRow, type MessageStatus } from './message-row.js';

/** The Outbox page's combined filters. Dates are days in Asia/Shanghai, inclusive. */
export interface MessageFilter {
  status?: MessageStatus[];
  channel?: string;
  jobId?: string;
  businessType?: string;
  businessId?: string;
  recipient?: string;
  from?: string;
  to?: string;
  text?: string;
}

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** Start of a Shanghai calendar day (`YYYY-MM-DD`) in epoch ms. */
export function shanghaiDayStart(day: string): number {
  return Date.parse(`${day}T00:00:00+08:00`);
}

export function shanghaiDay(epochMs: number): string {
  return new Date(epochMs + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

const likeEscape = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function where(filter: MessageFilter, withStatus: boolean): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (withStatus && filter.status?.length) {
    parts.push(`status IN (${filter.status.map(() => '?').join(',')})`);
    params.push(...filter.status);
  }
  const equals: Array<[keyof MessageFilter, string]> = [
    ['channel', 'channel'],
    ['jobId', 'job_id'],
    ['businessType', 'business_type'],
    ['recipient', 'recipient'],
  ];
  for (const [key, column] of equals) {
    const v = filter[key];
    if (typeof v === 'string' && v !== '') {
      parts.push(`${column} = ?`);
      params.push(v);
    }
  }
  if (filter.businessId) {
    parts.push("business_id LIKE ? ESCAPE '\\'");
    params.push(likeEscape(filter.businessId));
  }
  if (filter.from) {
    parts.push('created_at >= ?');
    params.push(shanghaiDayStart(filter.from));
  }
  if (filter.to) {
    parts.push('created_at < ?');
    params.push(shanghaiDayStart(filter.to) + DAY_MS);
  }
  if (filter.text) {
    parts.push("(content LIKE ? ESCAPE '\\' OR id LIKE ? ESCAPE '\\' OR business_id LIKE ? ESCAPE '\\' OR last_error LIKE ? ESCAPE '\\')");
    const like = likeEscape(filter.text);
    params.push(like, like, like, like);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

export function listMessages(db: Db, filter: MessageFilter, page: number, pageSize: number): { rows: MessageRow[]; total: number; counts: Record<MessageStatus, number> } {
  const w = where(filter, true);
  const rows = db.prepare(`SELECT * FROM messages ${w.sql} ORDER BY seq DESC LIMIT ? OFFSET ?`).all(...w.params, pageSize, (page - 1) * pageSize) as MessageRow[];
  const total = db.prepare(`SELECT COUNT(*) FROM messages ${w.sql}`).pluck().get(...w.params) as number;
  // Counts per status for the other filters, so the status tabs show what choosing one would give.
  const c = where(filter, false);
  const counts = Object.fromEntries(MESSAGE_STATUSES.map((s) => [s, 0])) as Record<MessageStatus, number>;
  for (const r of db.prepare(`SELECT status, COUNT(*) AS n FROM messages ${c.sql} GROUP BY status`).all(...c.params) as Array<{ status: MessageStatus; n: number }>) counts[r.status] = r.n;
  return { rows, total, counts };
}

/** Ids of every message a filter matches (bulk actions over "everything this filter shows"). */
export function matchingIds(db: Db, filter: MessageFilter): string[] {
  const w = where(filter, true);
  return db.prepare(`SELECT id FROM messages ${w.sql} ORDER BY seq`).pluck().all(...w.params) as string[];
}

export interface ChannelFigures {
  channel: string;
  total: number;
  byStatus: Record<MessageStatus, number>;
  /** sent / (sent + failed + dead + unknown); null before anything finished. */
  successRate: number | null;
  retries: number;
  avgLatencyMs: number | null;
}

/** Seed 002's monitoring figures for today (Asia/Shanghai), per channel. */
export function todayFigures(db: Db, now: number): { day: string; channels: ChannelFigures[] } {
  const day = shanghaiDay(now);
  const start = shanghaiDayStart(day);
  const rows = db
    .prepare(
      `SELECT COALESCE(channel, '') AS channel, status, COUNT(*) AS n, SUM(MAX(total_attempts - 1, 0)) AS retries
       FROM messages WHERE created_at >= ? GROUP BY COALESCE(channel, ''), status`,
    )
    .all(start) as Array<{ channel: string; status: MessageStatus; n: number; retries: number }>;
  const latency = db
    .prepare("SELECT COALESCE(channel, '') AS channel, AVG(sent_at - created_at) AS avg FROM messages WHERE status = 'sent' AND sent_at >= ? GROUP BY COALESCE(channel, '')")
    .all(start) as Array<{ channel: string; avg: number }>;
  const byChannel = new Map<string, ChannelFigures>();
  const figures = (channel: string) => {
    let f = byChannel.get(channel);
    if (!f) {
      f = { channel, total: 0, byStatus: Object.fromEntries(MESSAGE_STATUSES.map((s) => [s, 0])) as Record<MessageStatus, number>, successRate: null, retries: 0, avgLatencyMs: null };
      byChannel.set(channel, f);
    }
    return f;
  };
  for (const r of rows) {
    const f = figures(r.channel);
    f.total += r.n;
    f.byStatus[r.status] += r.n;
    f.retries += r.retries;
  }
  for (const l of latency) figures(l.channel).avgLatencyMs = Math.round(l.avg);
  for (const f of byChannel.values()) {
    const finished = f.byStatus.sent + f.byStatus.failed + f.byStatus.dead + f.byStatus.unknown;
    f.successRate = finished ? f.byStatus.sent / finished : null;
  }
  return { day, channels: [...byChannel.values()].sort((a, b) => a.channel.localeCompare(b.channel)) };
}

export interface TraceRow {
  id: number;
  at: number;
  kind: string;
  status: string | null;
  channel: string | null;
  attempt: number | null;
  part: number | null;
  code: string | null;
  response_status: number | null;
  response_body: string | null;
  detail: string | null;
}

export function traceOf(db: Db, seq: number): TraceRow[] {
  return db.prepare('SELECT * FROM message_events WHERE message_seq = ? ORDER BY id').all(seq) as TraceRow[];
}

/** The newest failures per channel (failed attempts, unknown outcomes, interrupted sends), for Settings → Channels. */
export function lastErrors(db: Db, perChannel: number): Map<string, Array<TraceRow & { message_id: string }>> {
  const rows = db
    .prepare(
      `SELECT * FROM (
         SELECT e.*, m.id AS message_id, ROW_NUMBER() OVER (PARTITION BY e.channel ORDER BY e.id DESC) AS rn
         FROM message_events e JOIN messages m ON m.seq = e.message_seq
         WHERE e.kind IN ('attempt-failed','unknown','interrupted') AND e.channel IS NOT NULL
       ) WHERE rn <= ? ORDER BY channel, id DESC`,
    )
    .all(perChannel) as Array<TraceRow & { message_id: string }>;
  const out = new Map<string, Array<TraceRow & { message_id: string }>>();
  for (const r of rows) out.set(r.channel!, [...(out.get(r.channel!) ?? []), r]);
  return out;
}
