import type { Campaign } from '../campaigns/index.js';
import { utcDateTime } from '../campaigns/pipelines/common.js';
import type { LedgerHeader } from '../campaigns/store/ledger-store.js';
import { ANNOUNCEMENT, AWARD, awardsOn, campaignNotification, campaignOfActivity, type Evidence } from './campaigns.js';
import type { Planner } from './planner.js';
import type { DocIndex } from './tasks-db.js';
import { extensionsOf, performanceValues, type V1Row } from './v1-database.js';

/**
 * Which of v1's recorded contracts Herald takes over, and which notifications they stand for.
 *
 * A contract v1 announced — flagged (`是否发送通知` = Y, `send_status` 发送成功, `notification_sent`),
 * or with a task / outbox row — is imported with its announcement (and award) identity, so Herald's
 * job sees it as stored and never announces it again. A historical contract is imported as it is
 * (never announced). A contract v1 recorded but never announced (a crash between its record and
 * its tasks) is left out: v1's next run would have announced it, and Herald's next run records and
 * announces it instead. The performance broadcast refreshes its rows every run and announces the
 * unsent ones itself, so all its rows are imported.
 */

export interface LedgerContract {
  campaign: Campaign;
  activityCode: string;
  contractId: string;
  header: LedgerHeader;
  cells: string[];
  docNumber: string;
  /** 是否发送通知 = Y in any copy of the ledger, or 发送成功 in the send_status file. */
  flagged: boolean;
  historical: boolean;
  awarded: boolean;
  source: string;
}

function flagEvidence(source: string, at: number): Evidence {
  return { status: 'sent', at, source, evidence: 'flag', detail: 'v1 recorded it as announced; its text was not kept' };
}

function announced(planner: Planner, campaign: Campaign, activityCode: string, contractId: string): boolean {
  return planner.has(campaignNotification(campaign, activityCode, contractId, ANNOUNCEMENT, flagEvidence('', 0)));
}

export function planLedgerContracts(contracts: readonly LedgerContract[], planner: Planner, now: number): void {
  for (const c of contracts) {
    const row = { activityCode: c.activityCode, contractId: c.contractId, header: c.header, cells: c.cells, source: c.source };
    if (c.historical) {
      planner.plan.ledgerRows.push(row);
      continue;
    }
    if (!c.flagged && !announced(planner, c.campaign, c.activityCode, c.contractId)) {
      planner.plan.leftForHerald.push({ variant: c.campaign.variant.id, activityCode: c.activityCode, contractId: c.contractId, source: c.source });
      continue;
    }
    planner.plan.ledgerRows.push(row);
    if (!c.flagged) continue;
    planner.notify(campaignNotification(c.campaign, c.activityCode, c.contractId, ANNOUNCEMENT, flagEvidence(c.source, now)));
    if (c.awarded && awardsOn(c.campaign)) planner.notify(campaignNotification(c.campaign, c.activityCode, c.contractId, AWARD, flagEvidence(c.source, now)));
  }
}

function list(json: unknown): string[] {
  try {
    const parsed = JSON.parse(String(json ?? '[]')) as unknown;
    return Array.isArray(parsed) ? parsed.map(String) : [];
  } catch {
    return [];
  }
}

export function planPerformanceRows(rows: readonly V1Row[], planner: Planner, source: string, now: number): void {
  const unknown = new Map<string, number>();
  for (const row of rows) {
    const activityCode = String(row.activity_code);
    const contractId = String(row.contract_id);
    const campaign = campaignOfActivity(activityCode);
    if (!campaign) {
      unknown.set(activityCode, (unknown.get(activityCode) ?? 0) + 1);
      continue;
    }
    const historical = Number(row.is_historical) === 1;
    const sent = Number(row.notification_sent) === 1;
    const refreshed = campaign.rules.processing_config?.refresh_existing_contracts === true;
    if (!historical && !sent && !refreshed && !announced(planner, campaign, activityCode, contractId)) {
      planner.plan.leftForHerald.push({ variant: campaign.variant.id, activityCode, contractId, source });
      continue;
    }
    planner.plan.performanceRows.push({ values: performanceValues(row, utcDateTime(new Date(now))), source });
    if (historical || !sent) continue;
    planner.notify(campaignNotification(campaign, activityCode, contractId, ANNOUNCEMENT, flagEvidence(source, now)));
    if (awardsOn(campaign) && list(row.reward_names).length > 0) planner.notify(campaignNotification(campaign, activityCode, contractId, AWARD, flagEvidence(source, now)));
  }
  for (const [code, count] of unknown) planner.skip(source, `${count} performance_data row(s) of activity ${code}: not a campaign Herald runs`);
}

/** Contracts by their number (`合同编号`), from the ledgers and the database rows, to attribute task texts. */
export function docIndex(ledger: readonly LedgerContract[], performance: readonly V1Row[]): DocIndex {
  const index: DocIndex = new Map();
  const add = (doc: string, ref: { campaign: Campaign; activityCode: string; contractId: string }) => {
    if (!doc) return;
    index.set(doc, [...(index.get(doc) ?? []), ref]);
  };
  for (const c of ledger) add(c.docNumber, c);
  for (const row of performance) {
    const campaign = campaignOfActivity(String(row.activity_code));
    const doc = extensionsOf(row)['合同编号(contractdocNum)'];
    if (campaign && typeof doc === 'string') add(doc, { campaign, activityCode: String(row.activity_code), contractId: String(row.contract_id) });
  }
  return index;
}
