import type { RateLimitRule } from '../channels/types.js';
import { SUCCESS_RULES, type DeliveryPolicy, type OutboundMessage, type SuccessRule } from './types.js';

/**
 * A message's delivery terms (pacing, success rule) travel in its stored metadata under this key,
 * so retries, restarts and the Outbox page's detail all see the same terms.
 */
const KEY = 'delivery';

/** The metadata to store for a message: its own metadata plus its delivery terms, if any. */
export function metadataWithPolicy(msg: Pick<OutboundMessage, 'metadata' | 'delivery'>): Record<string, unknown> | undefined {
  const policy = cleanPolicy(msg.delivery);
  if (!policy) return msg.metadata;
  return { ...msg.metadata, [KEY]: policy };
}

function cleanPolicy(value: unknown): DeliveryPolicy | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { pacingMs, success } = value as Record<string, unknown>;
  const policy: DeliveryPolicy = {
    ...(typeof pacingMs === 'number' && Number.isFinite(pacingMs) && pacingMs > 0 ? { pacingMs: Math.round(pacingMs) } : {}),
    ...(SUCCESS_RULES.includes(success as SuccessRule) ? { success: success as SuccessRule } : {}),
  };
  return Object.keys(policy).length ? policy : undefined;
}

/** The delivery terms stored with a message (none: the channel's defaults). */
export function policyOf(metadata: Record<string, unknown> | undefined): DeliveryPolicy {
  return cleanPolicy(metadata?.[KEY]) ?? {};
}

/**
 * The pacing budget of a message: one send per `pacingMs` per job (v1 paused after each post of a
 * job's dispatch), or per business type for messages that come from no job.
 */
export function pacingRule(policy: DeliveryPolicy, row: { job_id: string | null; business_type: string }): RateLimitRule | undefined {
  if (!policy.pacingMs) return undefined;
  return { endpoint: `pace:${row.job_id ?? row.business_type}`, limit: 1, windowMs: policy.pacingMs };
}
