import { describe, expect, it } from 'vitest';
import { getCampaign } from '../../../main/campaigns/index.js';
import { campaignJobId, campaignOfActivity, campaignOfMonth, monthNumber } from '../../../main/v1import/campaigns.js';

describe('v1 campaign names as Herald campaigns', () => {
  it('maps file-name months (Sep, July, jun) to numbers', () => {
    expect(['Apr', 'May', 'Jun', 'July', 'Jul', 'aug', 'Sep', 'oct', 'Nov', 'Dec'].map(monthNumber)).toEqual([4, 5, 6, 7, 7, 8, 9, 10, 11, 12]);
    expect(monthNumber('Sommer')).toBeUndefined();
  });

  it("maps a PC file's city and month to the month's campaign (September's ledger pipeline, not its @new twin)", () => {
    expect(campaignOfMonth('BJ', 9)?.variant.id).toBe('BJ-2025-09');
    expect(campaignOfMonth('SH', 9)?.variant.id).toBe('SH-2025-09');
    expect(campaignOfMonth('SH', 5)?.variant.activityCode).toBe('SH-2025-05');
    expect(campaignOfMonth('BJ', 10)?.variant.id).toBe('BJ-2025-10');
    expect(campaignOfMonth('BJ', 3)).toBeUndefined();
  });

  it("maps v1's activity codes, monthly codes included, asking the engine's configurations", () => {
    expect(campaignOfActivity('BJ-OCT')?.variant.id).toBe('BJ-2025-10');
    expect(campaignOfActivity('SH-SEP')?.variant.id).toBe('SH-2025-09');
    expect(campaignOfActivity('BJ-SIGN-BROADCAST-2026-05')?.variant.id).toBe('BJ-SIGN-BROADCAST');
    expect(campaignOfActivity('BJ-PERFORMANCE-BROADCAST-2026-11')?.variant.id).toBe('BJ-PERFORMANCE-BROADCAST');
    expect(campaignOfActivity('BJ-SIGN-BROADCAST-May')).toBeUndefined();
    expect(campaignOfActivity('SLA-DAILY-SERVICE-REPORT')).toBeUndefined();
  });

  it('names the job that runs each campaign', () => {
    expect(campaignJobId(getCampaign('SH-2025-08b'))).toBe('campaign-sh-2025-08b');
    expect(campaignJobId(getCampaign('BJ-2025-09@new'))).toBe('campaign-bj-2025-09');
    expect(campaignJobId(getCampaign('BJ-SIGN-BROADCAST'))).toBe('bj-sign-broadcast');
    expect(campaignJobId(getCampaign('BJ-PERFORMANCE-BROADCAST'))).toBe('bj-performance-broadcast');
  });
});
