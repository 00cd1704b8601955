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

/**
 * How a webhook's answer counts as delivered (spec §5.5). GROUP_BOT honours it; other channels
 * have their own protocols and ignore it.
 * - `wecom-errcode` (default): HTTP 2xx and WeCom `errcode` 0 (missing counts as 0).
 * - `http-2xx`: any HTTP 2xx, whatever the body says (v1's rule for SLA and pending orders).
 * - `smartsheet`: 2xx and an empty body, a body that is not JSON, or `errcode` absent, 0 or "0".
 */
export const SUCCESS_RULES = ['wecom-errcode', 'http-2xx', 'smartsheet'] as const;
export type SuccessRule = (typeof SUCCESS_RULES)[number];

/**
 * A job's delivery terms for one message, honoured by the outbox worker. Stored with the message
 * (under `metadata.delivery`), so they hold for its retries and after a restart.
 */
export interface DeliveryPolicy {
  /**
   * v1's pause after each post: the next message of the same job (or business type, for messages
   * without a job) leaves at least this long after this one's send finished.
   */
  pacingMs?: number;
  success?: SuccessRule;
}

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
  /** Pacing and success rule; absent = the channel's defaults. */
  delivery?: DeliveryPolicy;
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
