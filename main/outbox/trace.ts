import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open.js';
import type { TRACE_KINDS } from '../api/contract/outbox.js';

export type TraceKind = (typeof TRACE_KINDS)[number];

export interface TraceEntry {
  kind: TraceKind;
  status?: string | null;
  channel?: string | null;
  attempt?: number | null;
  part?: number | null;
  code?: string | null;
  responseStatus?: number | null;
  responseBody?: string | null;
  detail?: string | null;
}

const MAX_TEXT = 2000;
const clip = (s: string | null | undefined) => (s == null ? null : s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT)}…` : s);

const statements = new WeakMap<Db, Statement>();

/** Appends one entry to a message's trace (inside the caller's transaction). */
export function addTrace(db: Db, messageSeq: number, at: number, entry: TraceEntry): void {
  let insert = statements.get(db);
  if (!insert) {
    insert = db.prepare(
      `INSERT INTO message_events (message_seq, at, kind, status, channel, attempt, part, code, response_status, response_body, detail)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    statements.set(db, insert);
  }
  insert.run(
    messageSeq,
    at,
    entry.kind,
    entry.status ?? null,
    entry.channel ?? null,
    entry.attempt ?? null,
    entry.part ?? null,
    entry.code ?? null,
    entry.responseStatus ?? null,
    clip(entry.responseBody),
    clip(entry.detail),
  );
}
