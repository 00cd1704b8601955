/**
 * Seed 001's migration order: the simplest jobs first, the most complex last. Campaign keys; the
 * job catalogue gives each campaign job its position as `plannedOrder`.
 */
export const SEED_001_ORDER = ['BJ-2025-06', 'BJ-2025-08', 'SH-2025-04', 'SH-2025-08', 'BJ-2025-09', 'SH-2025-09'] as const;

export function seedPlannedOrder(campaignKey: string): number | undefined {
  const i = (SEED_001_ORDER as readonly string[]).indexOf(campaignKey);
  return i < 0 ? undefined : i + 1;
}

/** A job's planned position: campaign jobs (`campaign-bj-2025-09`) by their campaign key. */
export function plannedOrderOfJob(jobId: string): number | undefined {
  const match = /^campaign-((?:bj|sh)-\d{4}-\d{2}b?)$/.exec(jobId);
  return match ? seedPlannedOrder(match[1]!.toUpperCase()) : undefined;
}
