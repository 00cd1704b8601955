import type { Db } from '../db/open.js';

/**
 * What a job hands to the outbox. The business identity (businessType, businessId, recipient) is
 * unique: enqueuing it again returns the existing message and sends nothing. The channel is not
 * part of the identity — the recipient's route chooses it, and a fallback or a manual retry stays
 * the same message.
 */
export type MessageContent =
  | { kind: 'text'; text: string }
  | { kind: 'markdown'; text: string }
  /** WeCom smartsheet webhook body: `{schema, add_records}` (spec §7.5). */
  | { kind: 'smartsheet'; payload: Record<string, unknown> }
  /** WeCom robot template card (spec §7.6). */
  | { kind: 'template_card'; card: Record<string, unknown> };

export interface OutboundMessage {
  /** e.g. `campaign.announcement`, `campaign.award`, `sla.daily`, `pending-orders.digest`, `test`. */
  businessType: string;
  /** The job's business key (spec §5.5), e.g. `BJ-2025-10:4094726635973593636`. */
  businessId: string;
  /** A logical recipient configured in Settings → Recipients, e.g. `bj-ops-group`, `provider:北京…公司`. */
  recipient: string;
  content: MessageContent;
  /** Where it came from, for the outbox's filters and trace. */
  jobId?: string;
  runId?: number;
  /** Carried to sent-hooks (e.g. pending-order fingerprints to mark notified). */
  metadata?: Record<string, unknown>;
}

export interface EnqueueResult {
  /** `MSG` + timestamp + sequence. */
  id: string;
  /** False when the identity already existed (nothing new will be sent). */
  created: boolean;
}

/**
 * Enqueues inside the caller's transaction (the job's business writes and its messages commit
 * together). `onlyChannel` holds the message to one channel (a dry run: `DRY_RUN`). Implemented by
 * main/outbox/enqueue.ts.
 */
export type Enqueue = (db: Db, message: OutboundMessage, options?: { onlyChannel?: string }) => EnqueueResult;
