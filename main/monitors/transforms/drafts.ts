import { createHash } from 'node:crypto';

/**
 * What a transform produces: messages not yet handed to the outbox (the pipeline adds job and run),
 * and the problems it met in the card, named by row and column.
 */
export type DraftContent =
  | { kind: 'text'; text: string }
  | { kind: 'smartsheet'; payload: Record<string, unknown> }
  | { kind: 'template_card'; card: Record<string, unknown> };

export interface MessageDraft {
  /** e.g. `sla.daily`, `pending-orders.digest`, `smartsheet.payment-records`. */
  businessType: string;
  /** The business key; v1's outbox `dedupe_key` wherever v1's key was stable (spec §5.5). */
  businessId: string;
  /** A logical recipient id (see recipients.ts). */
  recipient: string;
  content: DraftContent;
  metadata?: Record<string, unknown>;
}

/** A card value v1 could not use: the 0-based row, the column, and why. */
export interface RowIssue {
  row: number;
  column?: string;
  message: string;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** v1's `_build_hash_key`: `raw::sha256(raw)[:20]` with parts joined by `::`. */
export function hashedKey(parts: readonly string[]): string {
  const raw = parts.join('::');
  return `${raw}::${sha256Hex(raw).slice(0, 20)}`;
}
