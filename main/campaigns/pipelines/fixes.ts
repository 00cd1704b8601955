import { z } from 'zod';
import { HeraldError } from '../../shared/errors.js';

/**
 * v1 quirks that are bugs. Herald reproduces each by default (shadow mode compares against v1);
 * switching a fix on — per job, in its settings — gives the corrected behaviour.
 */
export const QUIRK_FIXES = {
  fixSh12EmptyClosingLine: 'SH-2025-12 announcements end with an empty `👊  🎉🎉🎉。` line (the configured closing message is never used); print 继续加油，再接再厉！ instead.',
  fixBjNewArchEmptyClosingLine: "The database pipeline's generic Beijing layout (BJ-2025-09@new) prints an empty closing line once all tiers are reached; print the legacy congratulation.",
  fixShTierBasisPlatformOnly: 'SH-2025-10/11 tiers count self-referral contracts (no `default` rule, so v1 fell back to totals); use the platform rule as designed.',
  fixAddressDedupAcrossRuns: 'The database pipeline de-duplicates self-referral project addresses within one run only; also count addresses stored by earlier runs (as the legacy pipeline did).',
  fixWorkOrderLimitAcrossRuns: "The database pipeline applies the work-order limit within one run only; also count the work order's performance stored by earlier runs.",
  fixShSepDuplicateExistingCountedTwice: 'Legacy SH September counts a contract twice when it appears twice in one input and is already in the ledger; count it once.',
  fixHistoricalFlagTruthiness: 'The database pipeline treats any non-empty `is_historical` / `是否历史合同` value (even `N`) as historical; accept only true, `Y` or 1.',
} as const;

export type QuirkFix = keyof typeof QUIRK_FIXES;
export const quirkFixNames = Object.keys(QUIRK_FIXES) as QuirkFix[];

export const quirkFixesSchema = z.array(z.enum(quirkFixNames as [QuirkFix, ...QuirkFix[]]));

/** The fixes switched on: the pipeline's own plus those in the job settings (`settings.fixes`). */
export function enabledFixes(own: readonly QuirkFix[], settings: Record<string, unknown>): ReadonlySet<QuirkFix> {
  const extra = settings['fixes'];
  if (extra === undefined) return new Set(own);
  const parsed = quirkFixesSchema.safeParse(extra);
  if (!parsed.success) {
    throw new HeraldError('CAMPAIGN_UNKNOWN_FIX', `The job settings name an unknown quirk fix (${JSON.stringify(extra)}); known fixes: ${quirkFixNames.join(', ')}.`, {
      fixes: JSON.stringify(extra),
    });
  }
  return new Set([...own, ...parsed.data]);
}
