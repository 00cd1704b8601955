import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open.js';
import type { EnqueueResult, MessageContent, OutboundMessage } from './types.js';
import { HeraldError } from '../shared/errors.js';
import { messageId } from './ids.js';
import { addTrace } from './trace.js';
import { metadataWithPolicy } from './delivery-policy.js';

export { registerSentHook } from './sent-hooks.js';

export interface EnqueueOptions {
  /** Enqueue time (epoch ms); defaults to the wall clock. */
  now?: number;
  /** Restrict delivery to this one channel of the recipient's route (Settings' channel test). */
  onlyChannel?: string;
}

interface Prepared {
  existing: Statement;
  maxSeq: Statement;
  identity: Statement;
  message: Statement;
}
const prepared = new WeakMap<Db, Prepared>();

function statementsFor(db: Db): Prepared {
  let p = prepared.get(db);
  if (!p) {
    p = {
      existing: db.prepare('SELECT message_id FROM message_identities WHERE business_type = ? AND business_id = ? AND recipient = ?').pluck(),
      maxSeq: db.prepare('SELECT MAX(seq) FROM message_identities').pluck(),
      identity: db.prepare(
        `INSERT INTO message_identities (seq, business_type, business_id, recipient, message_id, created_at)
         VALUES (@seq, @businessType, @businessId, @recipient, @id, @now)`,
      ),
      message: db.prepare(
        `INSERT INTO messages (seq, id, business_type, business_id, recipient, job_id, run_id, content_kind, content, metadata, only_channel, created_at, updated_at)
         VALUES (@seq, @id, @businessType, @businessId, @recipient, @jobId, @runId, @kind, @content, @metadata, @onlyChannel, @now, @now)`,
      ),
    };
    prepared.set(db, p);
  }
  return p;
}

/** How content is stored: texts as they are (jobs' exactness tests read them back), payloads as JSON. */
export function serialiseContent(content: MessageContent): string {
  switch (content.kind) {
    case 'text':
    case 'markdown':
      return content.text;
    case 'smartsheet':
      return JSON.stringify(content.payload);
    case 'template_card':
      return JSON.stringify(content.card);
  }
}

export function parseContent(kind: string, stored: string): MessageContent {
  switch (kind) {
    case 'text':
    case 'markdown':
      return { kind, text: stored };
    case 'smartsheet':
      return { kind, payload: JSON.parse(stored) as Record<string, unknown> };
    case 'template_card':
      return { kind, card: JSON.parse(stored) as Record<string, unknown> };
    default:
      throw new HeraldError('MESSAGE_CONTENT_UNKNOWN', `A stored message has an unknown content kind "${kind}".`, { kind });
  }
}

function serialiseMetadata(msg: OutboundMessage): string | null {
  const metadata = metadataWithPolicy(msg);
  return metadata ? JSON.stringify(metadata) : null;
}

function validate(msg: OutboundMessage): void {
  for (const field of ['businessType', 'businessId', 'recipient'] as const) {
    if (typeof msg[field] !== 'string' || msg[field].trim() === '') {
      throw new HeraldError('MESSAGE_INVALID', `A message needs a non-empty ${field}.`, { field, businessType: msg.businessType, businessId: msg.businessId });
    }
  }
  const c = msg.content;
  if ((c.kind === 'text' || c.kind === 'markdown') && c.text.trim() === '') {
    throw new HeraldError('MESSAGE_EMPTY', `Message ${msg.businessType} ${msg.businessId} to ${msg.recipient} has no text.`, {
      businessType: msg.businessType,
      businessId: msg.businessId,
      recipient: msg.recipient,
    });
  }
}

/**
 * Puts a message in the outbox, inside the caller's transaction when there is one (a job's
 * business writes and its messages commit together), else in its own. Plain synchronous SQL on
 * the given connection: usable from a worker thread's own connection. The identity
 * (businessType, businessId, recipient) is unique: enqueuing it again returns the existing id
 * with `created: false` and sends nothing — also after the message itself was pruned.
 */
export function enqueueMessage(db: Db, msg: OutboundMessage, options: EnqueueOptions = {}): EnqueueResult {
  validate(msg);
  const st = statementsFor(db);
  const run = (): EnqueueResult => {
    const existing = st.existing.get(msg.businessType, msg.businessId, msg.recipient) as string | undefined;
    if (existing) return { id: existing, created: false };
    const now = options.now ?? Date.now();
    // Inside a write transaction nobody else can take this number.
    const seq = ((st.maxSeq.get() as number | null) ?? 0) + 1;
    const id = messageId(now, seq);
    const row = {
      seq,
      id,
      now,
      businessType: msg.businessType,
      businessId: msg.businessId,
      recipient: msg.recipient,
      jobId: msg.jobId ?? null,
      runId: msg.runId ?? null,
      kind: msg.content.kind,
      content: serialiseContent(msg.content),
      metadata: serialiseMetadata(msg),
      onlyChannel: options.onlyChannel ?? null,
    };
    st.identity.run(row);
    st.message.run(row);
    addTrace(db, seq, now, { kind: 'enqueued', status: 'pending', detail: msg.jobId ? `job ${msg.jobId}${msg.runId !== undefined ? ` run ${msg.runId}` : ''}` : null });
    return { id, created: true };
  };
  return db.inTransaction ? run() : db.transaction(run).immediate();
}
