import type { PipelineContext, PipelineOutput, PipelineRecord } from '../../jobs/types.js';
import type { OutboundMessage } from '../../outbox/types.js';
import type { Campaign } from '../configs/index.js';
import { badgeListsOn } from '../configs/index.js';
import { ELITE_BADGE, RISING_STAR_BADGE } from '../configs/badges.js';
import type { PyRecord } from '../rules/py.js';
import type { AwardInput } from '../messages/award.js';
import { awardMessage } from '../messages/award.js';
import { shanghaiDateTime } from '../../shared/shanghai-time.js';

/** Pieces both pipelines share: time in UTC, badges, message identity, the run output. */

/** `YYYY-MM-DD HH:MM:SS` in UTC (SQLite's `CURRENT_TIMESTAMP`, as v1's database rows carried). */
export function utcDateTime(at: Date): string {
  return at.toISOString().slice(0, 19).replace('T', ' ');
}

/** The month of monthly activity codes: `settings.month` (replays) or the run's Asia/Shanghai month. */
export function runMonth(ctx: PipelineContext): string {
  const m = ctx.settings['month'];
  return typeof m === 'string' && /^\d{4}-\d{2}$/.test(m) ? m : shanghaiDateTime(ctx.scheduledAt).slice(0, 7);
}

/** The date whose badge lists apply: the run's day, or the campaign month's last day when replaying it later. */
function badgeDate(campaign: Campaign, at: Date): string {
  const day = shanghaiDateTime(at).slice(0, 10);
  const month = campaign.variant.month;
  if (!month || day.startsWith(month)) return day;
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return day < month ? `${month}-01` : `${month}-${String(last).padStart(2, '0')}`;
}

export interface Badges {
  /** The name as the group announcement shows it. */
  display(name: string): string;
  /** The elite badge when the award message doubles tier awards for this housekeeper. */
  eliteBadge(name: string): string | undefined;
}

export function badgesFor(campaign: Campaign, at: Date): Badges {
  const { elite, risingStar } = campaign.variant.badges;
  const lists = badgeListsOn(badgeDate(campaign, at), campaign.badgeLists);
  const isElite = (name: string) => elite && campaign.variant.city === 'BJ' && lists.elite.has(name);
  return {
    display: (name) => (isElite(name) ? `${ELITE_BADGE}${name}` : risingStar && lists.risingStar.has(name) ? `${RISING_STAR_BADGE}${name}` : name),
    eliteBadge: (name) => (isElite(name) ? ELITE_BADGE : undefined),
  };
}

export const ANNOUNCEMENT = 'campaign.announcement';
export const AWARD = 'campaign.award';

/** A campaign message: identity = type + `{activity code}:{contract id}` + logical recipient (spec §5.5). */
export function campaignMessage(ctx: PipelineContext, type: typeof ANNOUNCEMENT | typeof AWARD, activityCode: string, contractId: string, recipient: string, text: string): OutboundMessage {
  return {
    businessType: type,
    businessId: `${activityCode}:${contractId}`,
    recipient,
    content: { kind: 'text', text },
    jobId: ctx.jobId,
    runId: ctx.runId,
    metadata: { activityCode, contractId },
  };
}

/** The award message to the campaign contact (§4.3), with the campaign's award amounts. */
export function awardOutbound(ctx: PipelineContext, campaign: Campaign, activityCode: string, contractId: string, award: Omit<AwardInput, 'mapping'>): OutboundMessage {
  const text = awardMessage({ ...award, mapping: campaign.awardsMapping });
  return campaignMessage(ctx, AWARD, activityCode, contractId, campaign.variant.recipients.award, text);
}

export function pipelineRecord(id: string, record: PyRecord): PipelineRecord {
  return { key: id, fields: record.fields, floatFields: record.floatFields };
}

export function runOutput(records: PipelineRecord[], messages: OutboundMessage[], counts: Record<string, number>): PipelineOutput {
  const announcements = messages.filter((m) => m.businessType === ANNOUNCEMENT).length;
  const awards = messages.length - announcements;
  return {
    records,
    messages,
    counts: { ...counts, records: records.length, announcements, awards },
    summary: { key: 'campaigns:summary.run', params: { records: records.length, announcements, awards } },
  };
}

/** Reports what v1 accepted silently: repeated contract ids, an empty list. */
export function duplicateReporter(ctx: PipelineContext, counts: { duplicates: number }): (id: string, index: number) => void {
  return (id, index) => {
    counts.duplicates += 1;
    ctx.warn(`Contract ${id} appears more than once in the input (row ${index + 1}); only its first occurrence counts, as in v1.`, { contractId: id, row: index + 1 });
  };
}
