import type { Db } from '../../db/open.js';
import type { PipelineContext, PipelineOutput, PipelineSpec } from '../../jobs/types.js';
import type { OutboundMessage } from '../../outbox/types.js';
import type { Campaign } from '../configs/index.js';
import { activityCodeFor } from '../configs/index.js';
import type { ContractRow } from '../input/contract-row.js';
import { announcement } from '../messages/announcements.js';
import { text } from '../rules/format.js';
import type { DbRecord } from '../newarch/process.js';
import { processDb } from '../newarch/process.js';
import { ActivityState } from '../newarch/state.js';
import { currentCampaign } from '../store/config-store.js';
import { deletePerformanceRows, readPerformanceRows, savePerformanceRows } from '../store/performance-store.js';
import type { Badges } from './common.js';
import { ANNOUNCEMENT, awardOutbound, badgesFor, campaignMessage, duplicateReporter, pipelineRecord, runMonth, runOutput, utcDateTime } from './common.js';
import type { QuirkFix } from './fixes.js';
import { enabledFixes } from './fixes.js';

/**
 * `v1-db`: the database era (2025-10 on). Counters come from the stored rows of the activity; a
 * stored contract is skipped; every new non-historical contract is announced once. The performance
 * broadcast refreshes all current contracts each run and announces with the month total at send time.
 */

interface MessageContext {
  ctx: PipelineContext;
  campaign: Campaign;
  activityCode: string;
  badges: Badges;
  fixes: ReadonlySet<QuirkFix>;
  /** Per housekeeper key: Σ performance of its non-historical rows after this run (send-time total). */
  monthTotals: ReadonlyMap<string, number>;
}

function messagesFor(m: MessageContext, r: DbRecord): OutboundMessage[] {
  const { variant } = m.campaign;
  // v1's notifier showed the key up to its first `_` (Shanghai keys are `name_provider`).
  const name = r.key.split('_')[0]!;
  const orderType = r.row.orderType === 'self_referral' ? '自引单' : '平台单';
  const groupText = announcement(variant.messages.announcement, {
    field: (key) => r.record.get(key),
    displayName: variant.city === 'BJ' ? m.badges.display(name) : name,
    name,
    orderType,
    sendTimeCumulative: m.monthTotals.get(r.key),
    fixes: { bjNewArchClosingLine: m.fixes.has('fixBjNewArchEmptyClosingLine'), sh12ClosingLine: m.fixes.has('fixSh12EmptyClosingLine') },
  });
  const out = [campaignMessage(m.ctx, ANNOUNCEMENT, m.activityCode, r.id, variant.recipients.group, groupText)];
  if (variant.messages.award !== 'off' && r.row.rewardNames.length > 0) {
    out.push(
      awardOutbound(m.ctx, m.campaign, m.activityCode, r.id, {
        name,
        docNum: text(r.record.get('合同编号(contractdocNum)')),
        orderType,
        types: r.row.rewardTypes,
        names: r.row.rewardNames,
        eliteBadge: variant.city === 'BJ' ? m.badges.eliteBadge(name) : undefined,
      }),
    );
  }
  return out;
}

export function runDbPipeline(db: Db, campaign: Campaign, input: readonly ContractRow[], ctx: PipelineContext, ownFixes: readonly QuirkFix[]): PipelineOutput {
  const fixes = enabledFixes(ownFixes, ctx.settings);
  const counts = { contracts: input.length, duplicates: 0, existing: 0 };
  if (input.length === 0) {
    ctx.warn('The input holds no contracts; nothing to do.');
    return runOutput([], [], counts);
  }
  const activityCode = activityCodeFor(campaign.variant, runMonth(ctx));
  const storedRows = readPerformanceRows(db, activityCode);
  const refresh = campaign.rules.processing_config?.refresh_existing_contracts === true;
  const outcome = processDb({
    campaign,
    activityCode,
    rows: input,
    state: new ActivityState(refresh ? [] : storedRows),
    stored: new Map(refresh ? storedRows.map((r) => [r.contractId, r]) : []),
    fixes: {
      platformTierBasis: fixes.has('fixShTierBasisPlatformOnly'),
      addressDedupAcrossRuns: fixes.has('fixAddressDedupAcrossRuns'),
      workOrderLimitAcrossRuns: fixes.has('fixWorkOrderLimitAcrossRuns'),
      strictHistoricalFlag: fixes.has('fixHistoricalFlagTruthiness'),
    },
    source: `Run ${ctx.runId} input`,
    onDuplicate: duplicateReporter(ctx, counts),
  });
  counts.existing = outcome.skipped;
  const monthTotals = new Map<string, number>();
  if (refresh) {
    for (const r of outcome.records) if (!r.row.isHistorical) monthTotals.set(r.key, (monthTotals.get(r.key) ?? 0) + r.row.performanceAmount);
  }
  const m: MessageContext = { ctx, campaign, activityCode, badges: badgesFor(campaign, ctx.scheduledAt), fixes, monthTotals };
  const messages: OutboundMessage[] = [];
  // notification_sent stays 0 until the announcement is delivered (the sent-hook sets it, as v1's
  // 2026 outbox did); an undelivered contract of a refreshed activity is offered again — the
  // outbox keeps the first message of that identity.
  for (const r of outcome.records) {
    if (r.row.isHistorical || r.row.notificationSent) continue;
    messages.push(...messagesFor(m, r));
  }
  savePerformanceRows(db, activityCode, outcome.records, utcDateTime(ctx.scheduledAt));
  deletePerformanceRows(db, activityCode, outcome.removed);
  ctx.progress(input.length, input.length, 'recorded');
  return runOutput(
    outcome.records.map((r) => pipelineRecord(r.id, r.record.build())),
    messages,
    { ...counts, removed: outcome.removed.length },
  );
}

export function dbPipeline(campaign: Campaign, fixes: readonly QuirkFix[] = []): PipelineSpec<ContractRow[]> {
  return {
    id: 'v1-db',
    description: `${campaign.variant.id}: v1's database-era processing (counters from stored rows, one announcement per contract).`,
    // The newest configuration version (Settings → Campaigns) as this run's store holds it.
    run: (store, input, ctx) => runDbPipeline(store, currentCampaign(store, campaign.variant.id), input, ctx, fixes),
  };
}
