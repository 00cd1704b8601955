import crypto from 'node:crypto';

/** A stable, non-secret name for an endpoint whose address is a secret (rate-limit state, logs). */
export function endpointKey(prefix: string, secretAddress: string): string {
  return `${prefix}:${crypto.createHash('sha256').update(secretAddress).digest('hex').slice(0, 16)}`;
}
