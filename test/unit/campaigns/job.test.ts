import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { ContractRow } from '../../../main/campaigns/input/contract-row.js';
import { PreparedInput } from '../../../main/jobs/input-store.js';
import type { FetchContext } from '../../../main/jobs/types.js';
import { createLogger } from '../../../main/logging/logger.js';
import { campaignPipelineJob } from '../../../main/campaigns/job.js';
import { STANDARD_COLUMNS } from '../../../main/campaigns/input/columns.js';
import type { CardResult } from '../../../main/sources/types.js';

function fetchContext(card: CardResult, asked: number[], cards: Record<string, number> = {}): FetchContext {
  return {
    jobId: 'campaign',
    runId: 1,
    scheduledAt: new Date(),
    settings: {},
    signal: new AbortController().signal,
    log: createLogger('test'),
    metabase: {
      queryCard: () => Promise.reject(new Error('campaign jobs read their card with queryCardWith')),
      queryCardWith: (id, consume) => {
        asked.push(id);
        return consume({ card: id, server: 'http://metabase.test', status: 202, contentType: 'application/json', bytes: Buffer.from(JSON.stringify({ data: card })) });
      },
      cardId: (key) => cards[key] ?? 0,
    },
  };
}

describe('campaignPipelineJob', () => {
  it('offers both pipelines in September and the variant\'s own elsewhere', () => {
    expect(Object.keys(campaignPipelineJob('SH-2025-09').pipelines).sort()).toEqual(['v1-db', 'v1-ledger']);
    expect(campaignPipelineJob('SH-2025-09').defaultPipeline).toBe('v1-ledger');
    expect(Object.keys(campaignPipelineJob('BJ-2025-10').pipelines)).toEqual(['v1-db']);
  });

  it('fetches the card Settings → Data sources names for the variant and reads it as v1 did', async () => {
    const asked: number[] = [];
    const card = { cols: STANDARD_COLUMNS.map((name) => ({ name })), rows: [['C1', '310000', 'GD1', 1, '王五', 'D1', 15000, 15000, 0, 1, 't', '甲', 't', 15000, 1, 0.25, 15000]] };
    const job = campaignPipelineJob('SH-2025-04');
    const prepared = await job.fetchInput(fetchContext(card, asked, { 'SH-2025-04': 1617 }));
    expect(prepared).toBeInstanceOf(PreparedInput);
    // Read in a worker thread, handed back as the snapshot the runner stores.
    const rows = JSON.parse(zlib.gunzipSync((prepared as PreparedInput).data).toString('utf8')) as ContractRow[];
    expect(asked).toEqual([1617]);
    expect(rows[0]!.values['管家(serviceHousekeeper)']).toBe('王五');
    expect(job.inputSchema.parse(rows)).toEqual(rows);
    await job.fetchInput(fetchContext(card, asked, { 'SH-2025-04': 4242 }));
    expect(asked).toEqual([1617, 4242]);
  });

  it('names the card in a bad-input error', async () => {
    const card = { cols: STANDARD_COLUMNS.slice(0, 5).map((name) => ({ name })), rows: [['C1', '310000', 'GD1', 1, '王五']] };
    await expect(campaignPipelineJob('SH-2025-04').fetchInput(fetchContext(card, [], { 'SH-2025-04': 1617 }))).rejects.toThrow(/Card 1617 returned 5 columns; this campaign reads 17/);
  });

  it('keeps an unknown variant from breaking the catalogue: its runs fail naming it', async () => {
    const job = campaignPipelineJob('BJ-2030-01');
    await expect(job.fetchInput(fetchContext({ cols: [], rows: [] }, []))).rejects.toMatchObject({ code: 'CAMPAIGN_UNKNOWN_VARIANT' });
  });
});
