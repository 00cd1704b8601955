import type { Db } from '../db/open.js';
import { getCampaign, type Campaign } from './configs/index.js';
import { currentCampaign } from './store/config-store.js';
import { filterEntries, ledgerEntries, overview, viewActivityCode, type LedgerFilter } from './views.js';

/**
 * The Campaigns page's two reads over every recorded contract of an activity (100,000 of them in a
 * big month): what `campaigns.ledger` and `campaigns.overview` answer, computed from a store — the
 * main thread's for a small activity, a worker thread's own connection for a big one
 * (`view-in-worker.ts`).
 */
export type ViewRequest =
  | { kind: 'ledger'; variant: string; month?: string; now: number; filter: LedgerFilter; page: number; pageSize: number }
  | { kind: 'overview'; variant: string; month?: string; now: number };

/** A campaign and its activity for a month; the stored configuration if it validates, else the shipped one (the page still shows the data). */
export function viewCampaign(db: Db, variant: string, month: string | undefined, now: number): { campaign: Campaign; activityCode: string } {
  let campaign;
  try {
    campaign = currentCampaign(db, variant);
  } catch (err) {
    if ((err as { code?: string }).code !== 'CAMPAIGN_CONFIG_INVALID') throw err;
    campaign = getCampaign(variant);
  }
  return { campaign, activityCode: viewActivityCode(campaign, month, new Date(now)) };
}

/** How many contracts the activity holds: the size that decides where the view is computed. */
export function viewSize(db: Db, campaign: Campaign, activityCode: string): number {
  const table = campaign.variant.pipeline === 'v1-ledger' ? 'campaign_ledger' : 'campaign_performance_data';
  return (db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE activity_code = ?`).get(activityCode) as { n: number }).n;
}

export function ledgerAnswer(db: Db, req: Extract<ViewRequest, { kind: 'ledger' }>) {
  const { campaign, activityCode } = viewCampaign(db, req.variant, req.month, req.now);
  const entries = ledgerEntries(db, campaign, activityCode);
  const matching = filterEntries(entries, req.filter);
  return {
    activityCode,
    entries: matching.slice((req.page - 1) * req.pageSize, req.page * req.pageSize),
    total: matching.length,
    housekeepers: [...new Set(entries.map((e) => e.housekeeper))].sort((a, b) => a.localeCompare(b, 'zh-CN')),
    rewards: [...new Set(entries.flatMap((e) => e.rewardNames))].sort(),
  };
}

export function overviewAnswer(db: Db, req: Extract<ViewRequest, { kind: 'overview' }>) {
  const { campaign, activityCode } = viewCampaign(db, req.variant, req.month, req.now);
  return { activityCode, ...overview(campaign, ledgerEntries(db, campaign, activityCode)) };
}

export type ViewAnswer<R extends ViewRequest> = R extends { kind: 'ledger' } ? ReturnType<typeof ledgerAnswer> : ReturnType<typeof overviewAnswer>;

export function answerView<R extends ViewRequest>(db: Db, req: R): ViewAnswer<R> {
  return (req.kind === 'ledger' ? ledgerAnswer(db, req) : overviewAnswer(db, req)) as ViewAnswer<R>;
}
