import { describe, expect, it } from 'vitest';
import type { FetchContext } from '../../../main/jobs/types.js';
import { createLogger } from '../../../main/logging/logger.js';
import { campaignPipelineJob } from '../../../main/campaigns/job.js';
import { STANDARD_COLUMNS } from '../../../main/campaigns/input/columns.js';
import type { CardResult } from '../../../main/sources/types.js';

function fetchContext(card: CardResult, asked: number[], settings: Record<string, unknown> = {}): FetchContext {
  return {
    jobId: 'campaign',
    runId: 1,
    scheduledAt: new Date(),
    settings,
    signal: new AbortController().signal,
    log: createLogger('test'),
    metabase: {
      queryCard: async (id) => {
        asked.push(id);
        return card;
      },
      cardId: () => 0,
    },
  };
}

describe('campaignPipelineJob', () => {
  it('offers both pipelines in September and the variant\'s own elsewhere', () => {
    expect(Object.keys(campaignPipelineJob('SH-2025-09').pipelines).sort()).toEqual(['v1-db', 'v1-ledger']);
    expect(campaignPipelineJob('SH-2025-09').defaultPipeline).toBe('v1-ledger');
    expect(Object.keys(campaignPipelineJob('BJ-2025-10').pipelines)).toEqual(['v1-db']);
  });

  it("fetches the variant's card (or the one the settings name) and reads it as v1 did", async () => {
    const asked: number[] = [];
    const card = { cols: STANDARD_COLUMNS.map((name) => ({ name })), rows: [['C1', '310000', 'GD1', 1, '王五', 'D1', 15000, 15000, 0, 1, 't', '甲', 't', 15000, 1, 0.25, 15000]] };
    const job = campaignPipelineJob('SH-2025-04');
    const rows = await job.fetchInput(fetchContext(card, asked));
    expect(asked).toEqual([1617]);
    expect(rows[0]!.values['管家(serviceHousekeeper)']).toBe('王五');
    expect(job.inputSchema.parse(rows)).toEqual(rows);
    await job.fetchInput(fetchContext(card, asked, { cardId: 1694 }));
    expect(asked).toEqual([1617, 1694]);
  });
});
