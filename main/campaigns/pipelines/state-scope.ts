import type { StateScope } from '../../jobs/types.js';
import type { Campaign } from '../configs/index.js';

const MONTH_GLOB = '[0-9][0-9][0-9][0-9]-[0-9][0-9]';

/**
 * The rows a campaign's pipeline keeps its state in: its activity code's rows of the ledger
 * (`v1-ledger`) or of the performance data (`v1-db`) — never other campaigns' rows, which share
 * these tables. A monthly code (`BJ-SIGN-BROADCAST-{YYYY-MM}`) covers every month of it.
 */
export function campaignStateScope(campaign: Campaign): StateScope[] {
  const table = campaign.variant.pipeline === 'v1-ledger' ? 'campaign_ledger' : 'campaign_performance_data';
  const code = campaign.variant.activityCode;
  if (!code.includes('{YYYY-MM}')) return [{ table, where: 'activity_code = ?', params: [code] }];
  // GLOB, not LIKE: an underscore in a code is a character, not a wildcard.
  return [{ table, where: 'activity_code GLOB ?', params: [code.replace(/[*?[\]]/g, '[$&]').replace('{YYYY-MM}', MONTH_GLOB)] }];
}
