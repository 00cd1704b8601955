import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open.js';

import { MESSAGE_STATUSES } from '../api/contract/outbox.js';

export { MESSAGE_STATUSES };
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** A row of `messages` as SQLite returns it. */
export interface MessageRow {
  seq: number;
  id: string;
  business_type: string;
  business_id: string;
  recipient: string;
  job_id: string | null;
  run_id: number | null;
  content_kind: string;
  content: string;
  metadata: string | null;
  only_channel: string | null;
  status: MessageStatus;
  channel: string | null;
  exhausted_channels: string;
  attempts: number;
  total_attempts: number;
  parts_sent: number;
  parts_total: number | null;
  next_attempt_at: number;
  wait_reason: string | null;
  lease_owner: string | null;
  lease_until: number | null;
  last_error: string | null;
  last_error_code: string | null;
  possible_duplicate: number;
  created_at: number;
  updated_at: number;
  sent_at: number | null;
}

type Patch = Partial<Omit<MessageRow, 'seq' | 'id'>>;

const cache = new WeakMap<Db, { get: Statement; byId: Statement; patches: Map<string, Statement> }>();

function statements(db: Db) {
  let s = cache.get(db);
  if (!s) {
    s = { get: db.prepare('SELECT * FROM messages WHERE seq = ?'), byId: db.prepare('SELECT * FROM messages WHERE id = ?'), patches: new Map() };
    cache.set(db, s);
  }
  return s;
}

export function getMessageRow(db: Db, seq: number): MessageRow | undefined {
  return statements(db).get.get(seq) as MessageRow | undefined;
}

export function getMessageRowById(db: Db, id: string): MessageRow | undefined {
  return statements(db).byId.get(id) as MessageRow | undefined;
}

/** Updates some columns of one message (statements cached per column set). */
export function patchMessage(db: Db, seq: number, patch: Patch): void {
  const keys = Object.keys(patch).sort() as Array<keyof Patch>;
  if (!keys.length) return;
  const s = statements(db);
  const id = keys.join(',');
  let st = s.patches.get(id);
  if (!st) {
    st = db.prepare(`UPDATE messages SET ${keys.map((k) => `${k} = @${k}`).join(', ')} WHERE seq = @seq`);
    s.patches.set(id, st);
  }
  st.run({ ...patch, seq });
}

export function exhaustedChannels(row: MessageRow): string[] {
  try {
    return JSON.parse(row.exhausted_channels) as string[];
  } catch {
    return [];
  }
}

export function metadataOf(row: MessageRow): Record<string, unknown> | undefined {
  return row.metadata ? (JSON.parse(row.metadata) as Record<string, unknown>) : undefined;
}
