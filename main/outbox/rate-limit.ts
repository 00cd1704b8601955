import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open.js';
import type { RateLimitRule } from '../channels/types.js';

/**
 * Sliding-window send budgets per endpoint, persisted in `rate_limit_state` so a restart does not
 * forget the sends of the last minute. Each endpoint keeps the times of its last `limit` sends
 * (reserved before the call, in the transaction that marks the message `sending`) and a
 * `blocked_until` set when the server itself said "too many" (WeCom 45009).
 */
export class RateLimiter {
  private readonly get: Statement;
  private readonly put: Statement;

  constructor(db: Db) {
    this.get = db.prepare('SELECT sent_at, blocked_until FROM rate_limit_state WHERE endpoint = ?');
    this.put = db.prepare(
      `INSERT INTO rate_limit_state (endpoint, sent_at, blocked_until) VALUES (?, ?, ?)
       ON CONFLICT(endpoint) DO UPDATE SET sent_at = excluded.sent_at, blocked_until = excluded.blocked_until`,
    );
  }

  private read(endpoint: string): { sent: number[]; blockedUntil: number } {
    const row = this.get.get(endpoint) as { sent_at: string; blocked_until: number } | undefined;
    return row ? { sent: JSON.parse(row.sent_at) as number[], blockedUntil: row.blocked_until } : { sent: [], blockedUntil: 0 };
  }

  /** The earliest time a send to this endpoint is allowed (`now` when it is allowed now). */
  nextFree(rule: RateLimitRule, now: number): number {
    const { sent, blockedUntil } = this.read(rule.endpoint);
    let at = Math.max(now, blockedUntil);
    const recent = sent.filter((t) => t > at - rule.windowMs);
    if (recent.length >= rule.limit) at = Math.max(at, recent[recent.length - rule.limit]! + rule.windowMs);
    return at;
  }

  reserve(rule: RateLimitRule, now: number): void {
    const { sent, blockedUntil } = this.read(rule.endpoint);
    const kept = [...sent.filter((t) => t > now - rule.windowMs), now].slice(-rule.limit);
    this.put.run(rule.endpoint, JSON.stringify(kept), blockedUntil);
  }

  block(endpoint: string, until: number): void {
    const { sent, blockedUntil } = this.read(endpoint);
    this.put.run(endpoint, JSON.stringify(sent), Math.max(blockedUntil, until));
  }
}
