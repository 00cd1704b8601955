import crypto from 'node:crypto';
import type { ChannelType } from '../api/contract/channel-model.js';
import type { Db } from '../db/open.js';
import { maskSecret, type SecretBox } from '../db/secrets.js';
import type { Logger } from '../logging/logger.js';
import type { Clock } from '../shared/clock.js';
import { loadChannelConfigs, type ChannelConfigRecord } from '../channels/config-store.js';
import type { SenderRegistry } from '../channels/registry.js';
import type { RateLimitRule, SendOutcome } from '../channels/types.js';
import { addInterrupted, configVersion, isSendingEnabled } from './control.js';
import { parseContent } from './enqueue.js';
import { shanghaiDateTime } from '../shared/shanghai-time.js';
import { exhaustedChannels, getMessageRow, metadataOf, patchMessage, type MessageRow } from './message-row.js';
import { pacingRule, policyOf } from './delivery-policy.js';
import { resolveRoute, type ResolvedRoute } from './recipients.js';
import { RateLimiter } from './rate-limit.js';
import { retryDelay } from './retry-policy.js';
import { chooseChannel, type ChannelChoice } from './routing.js';
import { nextOpening } from './sending-window.js';
import { addTrace } from './trace.js';
import { markDead, markSent } from './transitions.js';
import type { DeliveryPolicy, MessageContent } from './types.js';

export interface DeliveryWorkerOptions {
  db: Db;
  clock: Clock;
  secrets: SecretBox;
  senders: SenderRegistry;
  log: Logger;
  /** How long a claimed message may stay `sending` before it counts as interrupted (default 2 min). */
  leaseMs?: number;
  /** A message changed (for live updates). */
  onChange?: (messageId: string) => void;
  /** A message became dead (for the alert). */
  onDead?: (info: { id: string; recipient: string; reason: string }) => void;
  random?: () => number;
}

interface Claim {
  row: MessageRow;
  choice: ChannelChoice;
  parts: MessageContent[];
  part: number;
  attempt: number;
  rule: RateLimitRule | undefined;
  /** The message's own delivery terms (success rule, pacing) and its pacing budget. */
  policy: DeliveryPolicy;
  pace: RateLimitRule | undefined;
}

/** Messages of an inline channel (DRY_RUN) settled per transaction. */
const INLINE_BATCH = 500;
/** Sends end before their lease does, so a slow send is never mistaken for a crashed one. */
const LEASE_SAFETY_MS = 5000;

/** Hides every secret of a delivery in what its outcome reports (reason and response body). */
export function redactOutcome(outcome: SendOutcome, secrets: string[]): SendOutcome {
  const values = [...new Set(secrets.filter((s) => s.length >= 4).flatMap((s) => [s, encodeURIComponent(s)]))].sort((a, b) => b.length - a.length);
  const clean = (text: string | undefined) => (text === undefined ? undefined : values.reduce((t, s) => t.split(s).join(maskSecret(s)), text));
  const out = { ...outcome } as SendOutcome & { reason?: string };
  if ('reason' in outcome) out.reason = clean(outcome.reason)!;
  if (outcome.response) out.response = { ...outcome.response, ...(outcome.response.body !== undefined ? { body: clean(outcome.response.body)! } : {}) };
  return out;
}

/**
 * Delivers due messages one at a time, so a crash can leave at most one message whose send
 * happened but whose `sent` was never written. Per message: (1) a transaction picks the channel
 * from the route, checks the sending window and the endpoint's rate budget, reserves the budget and
 * marks the message `sending` with a lease; (2) the channel sends; (3) a second transaction writes
 * the outcome. A message found `sending` by a later worker (crash) or after its lease (hang) is
 * `interrupted`: held as `unknown` for a person, or sent again when its channel says so.
 */
export class DeliveryWorker {
  readonly owner = `${process.pid}:${crypto.randomBytes(4).toString('hex')}`;
  private readonly leaseMs: number;
  private readonly limiter: RateLimiter;
  private readonly random: () => number;
  private readonly nextCandidate;
  private cache: { version: string; configs: Record<ChannelType, ChannelConfigRecord>; routes: Map<string, ResolvedRoute | undefined> } | undefined;

  constructor(private readonly o: DeliveryWorkerOptions) {
    this.leaseMs = o.leaseMs ?? 120_000;
    this.limiter = new RateLimiter(o.db);
    this.random = o.random ?? Math.random;
    // The partial index keeps this O(log n) however many messages wait (the planner would
    // otherwise pick the status index and sort every waiting message).
    this.nextCandidate = o.db.prepare("SELECT * FROM messages INDEXED BY messages_due WHERE status IN ('pending','failed') AND next_attempt_at <= ? ORDER BY next_attempt_at, seq LIMIT 1");
  }

  /** Channel configurations (secrets opened) and routes, kept until channels or recipients change. */
  private context(): { configs: Record<ChannelType, ChannelConfigRecord>; route: (recipient: string) => ResolvedRoute | undefined } {
    const version = configVersion(this.db);
    if (this.cache?.version !== version) this.cache = { version, configs: loadChannelConfigs(this.db, this.o.secrets), routes: new Map() };
    const { configs, routes } = this.cache;
    return {
      configs,
      route: (recipient) => {
        if (!routes.has(recipient)) routes.set(recipient, resolveRoute(this.db, this.o.secrets, recipient));
        return routes.get(recipient);
      },
    };
  }

  private get db(): Db {
    return this.o.db;
  }

  /** At start-up: every `sending` row belongs to a process that is gone (one Herald per data folder). */
  recoverInterrupted(): number {
    return this.interrupt('owner', 'Herald stopped while this message was being sent');
  }

  /**
   * Rows whose lease ran out (a hung send). Looked for with a read first: a read never waits, while
   * the write transaction would wait — blocking the main thread up to the busy timeout — whenever a
   * pipeline's long transaction holds the write lock, and this check runs every few seconds.
   */
  reclaimExpired(): number {
    const expired = this.db.prepare("SELECT 1 FROM messages INDEXED BY messages_sending WHERE status = 'sending' AND lease_until < ? LIMIT 1").get(this.o.clock.now());
    return expired ? this.interrupt('lease', 'The send did not finish within its lease') : 0;
  }

  private interrupt(which: 'owner' | 'lease', why: string): number {
    const now = this.o.clock.now();
    const changed: string[] = [];
    this.db
      .transaction(() => {
        const rows = (
          which === 'owner'
            ? this.db.prepare("SELECT * FROM messages WHERE status = 'sending' AND (lease_owner IS NULL OR lease_owner != ?)").all(this.owner)
            : this.db.prepare("SELECT * FROM messages INDEXED BY messages_sending WHERE status = 'sending' AND lease_until < ?").all(now)
        ) as MessageRow[];
        if (!rows.length) return;
        const { configs } = this.context();
        for (const row of rows) {
          const policy = row.channel ? configs[row.channel as ChannelType]?.onInterrupted ?? 'hold' : 'hold';
          const where = `part ${row.parts_sent + 1}${row.parts_total ? ` of ${row.parts_total}` : ''} on ${row.channel ?? '?'}`;
          const detail = `${why} (${where}); it may or may not have been delivered.`;
          if (policy === 'resend') {
            patchMessage(this.db, row.seq, { status: 'pending', next_attempt_at: 0, possible_duplicate: 1, lease_owner: null, lease_until: null, updated_at: now, last_error: detail, last_error_code: 'INTERRUPTED' });
            addTrace(this.db, row.seq, now, { kind: 'interrupted', status: 'pending', channel: row.channel, code: 'INTERRUPTED', detail: `${detail} Sending it again (possible duplicate).` });
          } else {
            patchMessage(this.db, row.seq, { status: 'unknown', lease_owner: null, lease_until: null, updated_at: now, last_error: detail, last_error_code: 'INTERRUPTED' });
            addTrace(this.db, row.seq, now, { kind: 'interrupted', status: 'unknown', channel: row.channel, code: 'INTERRUPTED', detail: `${detail} Mark it sent or send it again.` });
          }
          changed.push(row.id);
        }
        addInterrupted(this.db, rows.length);
      })
      .immediate();
    for (const id of changed) {
      this.o.log.warn('A send was interrupted; its outcome is unknown', { message: id });
      this.o.onChange?.(id);
    }
    return changed.length;
  }

  /**
   * Sends everything due now, one message (part) at a time; returns how many sends were made.
   * Stops early when sending is switched off or `shouldStop` says so.
   */
  async runOnce(shouldStop: () => boolean = () => false): Promise<number> {
    this.reclaimExpired();
    let sends = 0;
    while (!shouldStop() && isSendingEnabled(this.db)) {
      const { claim, inline } = this.step();
      sends += inline;
      if (claim) {
        await this.deliver(claim);
        sends += 1;
      } else if (inline === 0) break;
    }
    return sends;
  }

  /** Claims the next message that can go out now (undefined when none can). */
  claimNext(): Claim | undefined {
    return this.step(false).claim;
  }

  /** When the earliest waiting message becomes due (undefined when none waits). */
  nextDueAt(): number | undefined {
    const v = this.db.prepare("SELECT MIN(next_attempt_at) FROM messages INDEXED BY messages_due WHERE status IN ('pending','failed')").pluck().get() as number | null;
    const lease = this.db.prepare("SELECT MIN(lease_until) FROM messages WHERE status = 'sending'").pluck().get() as number | null;
    const all = [v, lease].filter((x): x is number => x !== null);
    return all.length ? Math.min(...all) : undefined;
  }

  /**
   * One transaction: defers the due messages that must wait, settles those of inline channels, and
   * claims the first one that goes out through a real channel.
   */
  private step(inlineAllowed = true): { claim: Claim | undefined; inline: number } {
    const changed: string[] = [];
    const dead: Array<{ id: string; recipient: string; reason: string }> = [];
    let inline = 0;
    const claim = this.db
      .transaction((): Claim | undefined => {
        const now = this.o.clock.now();
        const ctx = this.context();
        for (;;) {
          const row = this.nextCandidate.get(now) as MessageRow | undefined;
          if (!row) return undefined;
          const result = this.plan(row, ctx.route(row.recipient), ctx.configs, now, inlineAllowed);
          changed.push(row.id);
          if (result === 'deferred') continue;
          if (result === 'inline') {
            inline += 1;
            if (inline >= INLINE_BATCH) return undefined;
            continue;
          }
          if (result.kind === 'dead') {
            dead.push({ id: row.id, recipient: row.recipient, reason: result.reason });
            continue;
          }
          return result.claim;
        }
      })
      .immediate();
    for (const id of changed) this.o.onChange?.(id);
    for (const d of dead) this.o.onDead?.(d);
    return { claim, inline };
  }

  private plan(
    row: MessageRow,
    route: ResolvedRoute | undefined,
    configs: Record<ChannelType, ChannelConfigRecord>,
    now: number,
    inlineAllowed: boolean,
  ): 'deferred' | 'inline' | { kind: 'dead'; reason: string } | { kind: 'claim'; claim: Claim } {
    const content = parseContent(row.content_kind, row.content);
    const decision = chooseChannel(
      { recipient: row.recipient, route, content, exhausted: exhaustedChannels(row), onlyChannel: row.only_channel, lastError: row.last_error },
      configs,
      this.o.senders,
    );
    if (decision.kind === 'none') {
      markDead(this.db, row, now, decision.reason, decision.code);
      this.o.log.warn('Message is dead', { message: row.id, recipient: row.recipient, code: decision.code });
      return { kind: 'dead', reason: decision.reason };
    }
    const { choice } = decision;
    let { attempts, parts_sent: partsSent } = row;
    if (choice.channel !== row.channel) {
      if (row.channel === null && route && route.recipientId !== row.recipient) {
        addTrace(this.db, row.seq, now, { kind: 'recipient-fallback', status: row.status, detail: `Recipient "${row.recipient}" is not configured; using "${route.recipientId}".` });
      }
      if (row.channel !== null || decision.skipped.length) {
        addTrace(this.db, row.seq, now, { kind: 'fallback', status: row.status, channel: choice.channel, detail: `${decision.skipped.join('; ')} → ${choice.channel}` });
      }
      attempts = 0;
      partsSent = 0;
    }
    const opening = nextOpening(choice.config.window, now);
    if (opening > now) {
      if (row.wait_reason !== 'window') {
        addTrace(this.db, row.seq, now, { kind: 'window-wait', status: row.status, channel: choice.channel, detail: `Outside ${choice.channel}'s sending window ${choice.config.window?.start}–${choice.config.window?.end}; waiting until ${shanghaiDateTime(opening)}.` });
      }
      patchMessage(this.db, row.seq, { channel: choice.channel, attempts, parts_sent: partsSent, next_attempt_at: opening, wait_reason: 'window', updated_at: now });
      return 'deferred';
    }
    if (choice.sender.inline && inlineAllowed) {
      patchMessage(this.db, row.seq, { channel: choice.channel, attempts: 1, total_attempts: row.total_attempts + 1, parts_total: 1 });
      markSent(this.db, { ...row, channel: choice.channel, parts_total: 1 }, now, 'sent', this.o.log, { attempt: 1, responseBody: choice.sender.inline.response });
      return 'inline';
    }
    const parts = choice.sender.split(content, choice.config);
    if (partsSent >= parts.length) {
      markSent(this.db, { ...row, channel: choice.channel }, now, 'sent', this.o.log);
      return 'deferred';
    }
    const rule = choice.sender.rateLimit(choice.config, choice.address, parts[partsSent]!);
    const policy = policyOf(metadataOf(row));
    const pace = pacingRule(policy, row);
    const budgets = [rule, pace].filter((r): r is RateLimitRule => r !== undefined);
    const free = Math.max(now, ...budgets.map((r) => this.limiter.nextFree(r, now)));
    if (free > now) {
      patchMessage(this.db, row.seq, { channel: choice.channel, attempts, parts_sent: partsSent, next_attempt_at: free, wait_reason: 'rate-limit', updated_at: now });
      return 'deferred';
    }
    for (const budget of budgets) this.limiter.reserve(budget, now);
    const attempt = attempts + 1;
    patchMessage(this.db, row.seq, {
      status: 'sending',
      channel: choice.channel,
      attempts: attempt,
      total_attempts: row.total_attempts + 1,
      parts_sent: partsSent,
      parts_total: parts.length,
      lease_owner: this.owner,
      lease_until: now + this.leaseMs,
      wait_reason: null,
      updated_at: now,
    });
    addTrace(this.db, row.seq, now, { kind: 'sending', status: 'sending', channel: choice.channel, attempt, part: parts.length > 1 ? partsSent + 1 : null });
    const claimed = { ...row, channel: choice.channel, attempts: attempt, parts_sent: partsSent, parts_total: parts.length, status: 'sending' as const, lease_owner: this.owner };
    return { kind: 'claim', claim: { row: claimed, choice, parts, part: partsSent, attempt, rule, policy, pace } };
  }

  private async deliver(claim: Claim): Promise<void> {
    const { choice } = claim;
    let outcome: SendOutcome;
    try {
      outcome = await choice.sender.send(choice.config, {
        messageId: claim.row.id,
        content: claim.parts[claim.part]!,
        part: claim.part,
        parts: claim.parts.length,
        address: choice.address,
        signal: AbortSignal.timeout(Math.max(1000, this.leaseMs - LEASE_SAFETY_MS)),
        ...(claim.policy.success ? { success: claim.policy.success } : {}),
      });
    } catch (err) {
      outcome = { kind: 'retry', code: 'SEND_ERROR', reason: (err as Error).message };
    }
    this.settle(claim, redactOutcome(outcome, choice.sender.secretValues(choice.config, choice.address)));
  }

  /** Writes what the send did, in one transaction. */
  settle(claim: Claim, outcome: SendOutcome): void {
    let deadInfo: { id: string; recipient: string; reason: string } | undefined;
    this.db
      .transaction(() => {
        const now = this.o.clock.now();
        // v1 paused after each post: the job's next message waits from the end of this send.
        if (claim.pace) this.limiter.reserve(claim.pace, now);
        const row = getMessageRow(this.db, claim.row.seq);
        if (!row) return;
        const channel = claim.choice.channel;
        const response = { responseStatus: outcome.response?.status ?? null, responseBody: outcome.response?.body ?? null };
        const part = claim.parts.length > 1 ? claim.part + 1 : null;
        if (row.status !== 'sending' || row.lease_owner !== this.owner) {
          // Given up on meanwhile (lease ran out): record what finally happened; a delivery resolves an `unknown`.
          addTrace(this.db, row.seq, now, { kind: 'late-result', status: row.status, channel, attempt: claim.attempt, part, code: 'code' in outcome ? outcome.code ?? null : null, ...response, detail: `A send given up on finished late: ${outcome.kind}${'reason' in outcome ? ` (${outcome.reason})` : ''}` });
          if (outcome.kind === 'sent' && row.status === 'unknown' && claim.part + 1 >= claim.parts.length) markSent(this.db, row, now, 'late-result', this.o.log, { detail: 'Delivered after all.' });
          return;
        }
        const base = { lease_owner: null, lease_until: null, updated_at: now };
        switch (outcome.kind) {
          case 'sent': {
            if (claim.part + 1 < claim.parts.length) {
              patchMessage(this.db, row.seq, { ...base, status: 'pending', parts_sent: claim.part + 1, attempts: 0, next_attempt_at: 0, last_error: null, last_error_code: null });
              addTrace(this.db, row.seq, now, { kind: 'part-sent', status: 'pending', channel, attempt: claim.attempt, part, ...response });
            } else {
              markSent(this.db, { ...row, parts_total: claim.parts.length }, now, 'sent', this.o.log, { attempt: claim.attempt, part, ...response });
            }
            return;
          }
          case 'wait': {
            patchMessage(this.db, row.seq, { ...base, status: 'pending', attempts: Math.max(0, row.attempts - 1), next_attempt_at: now + outcome.retryAfterMs, wait_reason: outcome.code ?? 'wait' });
            if (outcome.blockEndpoint && claim.rule) this.limiter.block(claim.rule.endpoint, now + outcome.retryAfterMs);
            addTrace(this.db, row.seq, now, { kind: outcome.code === 'WECOM_45009' ? 'rate-limited' : 'deferred', status: 'pending', channel, attempt: claim.attempt, part, code: outcome.code ?? null, ...response, detail: `${outcome.reason} No attempt used.` });
            return;
          }
          case 'unknown': {
            patchMessage(this.db, row.seq, { ...base, status: 'unknown', last_error: outcome.reason, last_error_code: outcome.code ?? 'UNKNOWN' });
            addTrace(this.db, row.seq, now, { kind: 'unknown', status: 'unknown', channel, attempt: claim.attempt, part, code: outcome.code ?? null, ...response, detail: outcome.reason });
            return;
          }
          case 'retry': {
            const retries = claim.choice.config.retry;
            if (claim.attempt <= retries.maxRetries) {
              const at = now + retryDelay(retries, claim.attempt, this.random);
              patchMessage(this.db, row.seq, { ...base, status: 'failed', next_attempt_at: at, last_error: outcome.reason, last_error_code: outcome.code ?? 'RETRY' });
              addTrace(this.db, row.seq, now, { kind: 'attempt-failed', status: 'failed', channel, attempt: claim.attempt, part, code: outcome.code ?? null, ...response, detail: `${outcome.reason} Retry ${claim.attempt} of ${retries.maxRetries} at ${shanghaiDateTime(at)}.` });
              return;
            }
            addTrace(this.db, row.seq, now, { kind: 'attempt-failed', status: 'failed', channel, attempt: claim.attempt, part, code: outcome.code ?? null, ...response, detail: `${outcome.reason} No retries left on ${channel}.` });
            deadInfo = this.giveUpOnChannel(row, channel, outcome.reason, outcome.code ?? 'RETRIES_EXHAUSTED', now);
            return;
          }
          case 'permanent': {
            addTrace(this.db, row.seq, now, { kind: 'attempt-failed', status: 'failed', channel, attempt: claim.attempt, part, code: outcome.code ?? null, ...response, detail: `${outcome.reason} ${channel} cannot deliver this message.` });
            deadInfo = this.giveUpOnChannel(row, channel, outcome.reason, outcome.code ?? 'PERMANENT', now);
            return;
          }
        }
      })
      .immediate();
    this.o.onChange?.(claim.row.id);
    if (deadInfo) this.o.onDead?.(deadInfo);
  }

  /** This channel cannot deliver the message: the route's next channel takes over, else it is dead. */
  private giveUpOnChannel(row: MessageRow, channel: string, reason: string, code: string, now: number): { id: string; recipient: string; reason: string } | undefined {
    const exhausted = [...new Set([...exhaustedChannels(row), channel])];
    const ctx = this.context();
    const next = chooseChannel(
      { recipient: row.recipient, route: ctx.route(row.recipient), content: parseContent(row.content_kind, row.content), exhausted, onlyChannel: row.only_channel, lastError: reason },
      ctx.configs,
      this.o.senders,
    );
    const updated = { ...row, exhausted_channels: JSON.stringify(exhausted), last_error: reason, last_error_code: code };
    patchMessage(this.db, row.seq, { status: 'pending', exhausted_channels: updated.exhausted_channels, attempts: 0, next_attempt_at: 0, lease_owner: null, lease_until: null, last_error: reason, last_error_code: code, updated_at: now });
    if (next.kind === 'use') return undefined;
    markDead(this.db, updated, now, reason, code);
    this.o.log.warn('Message is dead', { message: row.id, recipient: row.recipient, code });
    return { id: row.id, recipient: row.recipient, reason };
  }
}
