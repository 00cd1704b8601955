import type { Db } from '../../db/open.js';
import type { PipelineContext, PipelineOutput, PipelineSpec } from '../../jobs/types.js';
import type { OutboundMessage } from '../../outbox/types.js';
import type { Campaign } from '../configs/index.js';
import type { ContractRow } from '../input/contract-row.js';
import { LEDGER_HEADERS } from '../input/columns.js';
import type { LegacyRecord } from '../legacy/index.js';
import { deriveLedgerState, legacyContracts, processLegacy } from '../legacy/index.js';
import { announcement } from '../messages/announcements.js';
import { csvText } from '../rules/py.js';
import { currentCampaign } from '../store/config-store.js';
import { appendLedger, readLedger } from '../store/ledger-store.js';
import type { NewLedgerRow } from '../store/ledger-store.js';
import type { Badges } from './common.js';
import { ANNOUNCEMENT, awardOutbound, badgesFor, campaignMessage, duplicateReporter, pipelineRecord, runOutput, utcDateTime } from './common.js';
import { shanghaiDateTime } from '../../shared/shanghai-time.js';
import type { QuirkFix } from './fixes.js';
import { enabledFixes } from './fixes.js';

/**
 * `v1-ledger`: the file era (v1 before 2025-10). Every run gets the whole period's list and the
 * ledger; counters are re-derived from the list, the ledger suppresses repeats and supplies the
 * award lists. New records are appended to the ledger (as v1's CSV rows, text) and announced from
 * that text, as v1's notifier read its CSV.
 */

/**
 * The record as v1's CSV row (text per header column). 是否发送通知 starts `N`; the announcement's
 * sent-hook rewrites it to `Y` once the group message is delivered (`store/announced.ts`).
 */
function ledgerCells(header: readonly string[], r: LegacyRecord): string[] {
  return header.map((h) => csvText(r.record.get(h)));
}

/** v1's notifier read the CSV row back: a column outside the header is absent. */
type RowField = (column: string) => string | undefined;

function messagesFor(ctx: PipelineContext, campaign: Campaign, badges: Badges, field: RowField, id: string): OutboundMessage[] {
  const { variant } = campaign;
  const name = field('管家(serviceHousekeeper)') ?? '';
  const out = [
    campaignMessage(ctx, ANNOUNCEMENT, variant.activityCode, id, variant.recipients.group, announcement(variant.messages.announcement, {
      field,
      displayName: badges.display(name),
      name,
      fixes: { bjNewArchClosingLine: false, sh12ClosingLine: false },
    })),
  ];
  if (variant.messages.award !== 'off' && field('激活奖励状态') === '1') {
    const split = (s: string | undefined) => (s ? s.split(', ') : []);
    out.push(
      awardOutbound(ctx, campaign, variant.activityCode, id, {
        name,
        docNum: field('合同编号(contractdocNum)') ?? '',
        orderType: variant.messages.award === 'with-order-type' ? (field('工单类型') ?? '平台单') : undefined,
        types: split(field('奖励类型')),
        names: split(field('奖励名称')),
        eliteBadge: badges.eliteBadge(name),
      }),
    );
  }
  return out;
}

export function runLedgerPipeline(db: Db, campaign: Campaign, input: readonly ContractRow[], ctx: PipelineContext, ownFixes: readonly QuirkFix[]): PipelineOutput {
  const fixes = enabledFixes(ownFixes, ctx.settings);
  const counts = { contracts: input.length, duplicates: 0, existing: 0 };
  if (input.length === 0) {
    ctx.warn('The input holds no contracts; nothing to do.');
    return runOutput([], [], counts);
  }
  const { variant } = campaign;
  const legacy = variant.legacy!;
  const source = `Run ${ctx.runId} input`;
  const contracts = legacyContracts(input, legacy.columns, legacy.flavor === 'sh-sep', source);
  const stored = readLedger(db, variant.activityCode);
  const ledger = deriveLedgerState(stored.map((s) => s.row), variant.city);
  const at = shanghaiDateTime(ctx.scheduledAt);
  const records = processLegacy(
    {
      campaign,
      contracts,
      ledger,
      registeredAt: { date: at.slice(0, 10), datetime: at },
      onDuplicate: duplicateReporter(ctx, counts),
      fixes: { shSepDuplicateExistingCountedTwice: fixes.has('fixShSepDuplicateExistingCountedTwice') },
    },
    source,
  );
  counts.existing = ledger.existingIds.size;
  const header = LEDGER_HEADERS[legacy.header];
  const position = new Map(header.map((h, i) => [h, i]));
  const badges = badgesFor(campaign, ctx.scheduledAt);
  const messages: OutboundMessage[] = [];
  const appended: NewLedgerRow[] = records.map((r) => {
    const cells = ledgerCells(header, r);
    if (!r.historical) messages.push(...messagesFor(ctx, campaign, badges, (column) => cells[position.get(column) ?? -1], r.id));
    return { contractId: r.id, header: legacy.header, cells };
  });
  appendLedger(db, variant.activityCode, appended, utcDateTime(ctx.scheduledAt));
  ctx.progress(input.length, input.length, 'recorded');
  return runOutput(
    records.map((r) => pipelineRecord(r.id, r.record.build())),
    messages,
    counts,
  );
}

export function ledgerPipeline(campaign: Campaign, fixes: readonly QuirkFix[] = []): PipelineSpec<ContractRow[]> {
  return {
    id: 'v1-ledger',
    description: `${campaign.variant.id}: v1's file-era processing (whole list every run, ledger suppresses repeats).`,
    // The newest configuration version (Settings → Campaigns) as this run's store holds it.
    run: (store, input, ctx) => runLedgerPipeline(store, currentCampaign(store, campaign.variant.id), input, ctx, fixes),
  };
}
