import type { Db } from '../db/open.js';

/** What a sent-hook sees of the message that was just delivered. */
export interface SentMessage {
  id: string;
  businessType: string;
  businessId: string;
  recipient: string;
  channel: string | null;
  metadata: Record<string, unknown> | undefined;
  sentAt: number;
}

export type SentHook = (db: Db, message: SentMessage) => void;

const hooks = new Map<string, SentHook[]>();

/**
 * Runs `hook` inside the transaction that writes a message of `businessType` as `sent` (delivered,
 * or marked sent by a person): campaigns set `notification_sent`, pending orders mark their
 * fingerprints notified. A hook that throws rolls the status write back, so the message stays
 * `sending` → after the lease it is reported `unknown` rather than silently half-recorded.
 */
export function registerSentHook(businessType: string, hook: SentHook): () => void {
  const list = hooks.get(businessType) ?? [];
  list.push(hook);
  hooks.set(businessType, list);
  return () => {
    const current = hooks.get(businessType);
    if (current) hooks.set(businessType, current.filter((h) => h !== hook));
  };
}

export function runSentHooks(db: Db, message: SentMessage): void {
  for (const hook of hooks.get(message.businessType) ?? []) hook(db, message);
}

export function hasSentHooks(businessType: string): boolean {
  return (hooks.get(businessType)?.length ?? 0) > 0;
}
