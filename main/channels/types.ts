import type { MessageContent, SuccessRule } from '../outbox/types.js';
import type { ChannelType } from '../api/contract/channel-model.js';

export type { ChannelType };

/** What a channel answered, kept on the message's trace (secrets already redacted). */
export interface ResponseInfo {
  status?: number;
  body?: string;
}

/**
 * How one send went, in the terms the outbox acts on:
 * - `sent`: delivered.
 * - `retry`: a transient failure (busy, 5xx, timeout, network); uses one attempt.
 * - `wait`: not now, try later without using an attempt (WeCom 45009, a locked session).
 * - `permanent`: this channel cannot deliver this message (invalid webhook, wrong configuration);
 *   the route's next channel is tried.
 * - `unknown`: the send may or may not have happened (desktop timeout); a person decides.
 */
export type SendOutcome =
  | { kind: 'sent'; response?: ResponseInfo }
  | { kind: 'retry'; reason: string; code?: string; response?: ResponseInfo }
  | { kind: 'wait'; reason: string; code?: string; retryAfterMs: number; blockEndpoint?: boolean; response?: ResponseInfo }
  | { kind: 'permanent'; reason: string; code?: string; response?: ResponseInfo }
  | { kind: 'unknown'; reason: string; code?: string; response?: ResponseInfo };

/** A channel's stored configuration with its secrets opened (only ever held in memory). */
export interface ChannelRuntimeConfig {
  type: ChannelType;
  enabled: boolean;
  settings: Record<string, unknown>;
  secrets: Record<string, string>;
}

/** One part of a message on its way out through one channel. */
export interface Delivery {
  messageId: string;
  content: MessageContent;
  /** 0-based part index and the number of parts (long texts are split). */
  part: number;
  parts: number;
  /** The recipient's address on this channel (webhook key or URL, user id, e-mail, chat name). */
  address: string;
  signal: AbortSignal;
  /** How the answer counts as delivered (the message's delivery policy); channels with their own protocol ignore it. */
  success?: SuccessRule;
}

/** A sliding-window budget: at most `limit` sends per `windowMs` to one endpoint. */
export interface RateLimitRule {
  /** Stable key of the endpoint; never contains a secret (hashed where the address is one). */
  endpoint: string;
  limit: number;
  windowMs: number;
}

export interface ChannelSender {
  readonly type: ChannelType;
  /**
   * Set for a channel whose send has no effect outside Herald (DRY_RUN): its messages are recorded
   * as sent in the claim transaction itself, many per transaction, with this as the response.
   */
  readonly inline?: { response: string };
  /** Why this configuration cannot send (missing settings), or undefined when it can. */
  unconfigured(config: ChannelRuntimeConfig): string | undefined;
  /** Why this content cannot go through this channel at this address, or undefined. */
  refuse(content: MessageContent, address: string): string | undefined;
  /** The parts to send in order (content limits); the stored message keeps the whole text. */
  split(content: MessageContent, config: ChannelRuntimeConfig): MessageContent[];
  rateLimit(config: ChannelRuntimeConfig, address: string, content: MessageContent): RateLimitRule | undefined;
  send(config: ChannelRuntimeConfig, delivery: Delivery): Promise<SendOutcome>;
  /** Values that must never reach a trace, a log or the API when this delivery reports back. */
  secretValues(config: ChannelRuntimeConfig, address: string): string[];
}
