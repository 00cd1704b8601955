import { ANNOUNCEMENT, AWARD, getCampaign, listVariants, type Campaign } from '../campaigns/index.js';
import type { PlannedNotification } from './types.js';

/**
 * v1's campaign names as Herald's campaigns: file names (`PerformanceData-BJ-Sep.csv`), activity
 * codes (`BJ-OCT`, `BJ-SIGN-BROADCAST-2026-05`), the job each belongs to, and the notifications a
 * recorded contract stands for — with the business identities Herald's campaign jobs use.
 */

const MONTHS: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, june: 6, jul: 7, july: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12 };

/** `Sep`, `july`, `Jun` → the month number. */
export function monthNumber(name: string): number | undefined {
  return MONTHS[name.toLowerCase()];
}

/** The built-in variants, each campaign once (an `@new` twin shares its month and activity code). */
function baseVariants(): Campaign[] {
  return listVariants()
    .filter((v) => !v.endsWith('@new'))
    .map(getCampaign);
}

/** The PC era's campaign of a city and month (v1 ran 2025-04 … 2025-12 on the PC). */
export function campaignOfMonth(city: 'BJ' | 'SH', month: number, year = 2025): Campaign | undefined {
  const ym = `${year}-${String(month).padStart(2, '0')}`;
  return baseVariants().find((c) => c.variant.city === city && c.variant.month === ym);
}

/** The campaign of a v1 activity code, and the month it fills in for a monthly code. */
export function campaignOfActivity(code: string): Campaign | undefined {
  for (const c of baseVariants()) {
    const pattern = c.variant.activityCode;
    if (!pattern.includes('{YYYY-MM}')) {
      if (pattern === code) return c;
      continue;
    }
    const [head, tail] = pattern.split('{YYYY-MM}') as [string, string];
    if (code.startsWith(head) && code.endsWith(tail) && /^\d{4}-\d{2}$/.test(code.slice(head.length, code.length - tail.length))) return c;
  }
  return undefined;
}

/**
 * The job that runs a campaign: `campaign-<variant>` for the monthly campaigns (the catalogue's
 * `campaignJob`), the two Beijing broadcasts by their own ids; September's `@new` twin is the same job.
 */
export function campaignJobId(campaign: Campaign): string {
  const id = campaign.variant.id.replace(/@new$/, '');
  if (id === 'BJ-SIGN-BROADCAST') return 'bj-sign-broadcast';
  if (id === 'BJ-PERFORMANCE-BROADCAST') return 'bj-performance-broadcast';
  return `campaign-${id.toLowerCase()}`;
}

export interface Evidence {
  status: PlannedNotification['status'];
  at: number;
  source: string;
  evidence: PlannedNotification['evidence'];
  content?: PlannedNotification['content'];
  detail?: string;
}

/** The group announcement of a contract (and, when v1 awarded it, the award message) as Herald's campaign jobs identify them. */
export function campaignNotification(campaign: Campaign, activityCode: string, contractId: string, type: typeof ANNOUNCEMENT | typeof AWARD, e: Evidence): PlannedNotification {
  return {
    jobId: campaignJobId(campaign),
    businessType: type,
    businessId: `${activityCode}:${contractId}`,
    recipient: type === ANNOUNCEMENT ? campaign.variant.recipients.group : campaign.variant.recipients.award,
    metadata: { activityCode, contractId },
    ...e,
  };
}

/** Whether the campaign sends award messages at all. */
export function awardsOn(campaign: Campaign): boolean {
  return campaign.variant.messages.award !== 'off';
}

export { ANNOUNCEMENT, AWARD };
