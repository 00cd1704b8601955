import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../main/db/migrate.js';
import { inTransaction, openDatabase, type Db } from '../../../main/db/open.js';
import { createLogger } from '../../../main/logging/logger.js';
import { createPipeline } from '../../../main/campaigns/index.js';
import { answerView } from '../../../main/campaigns/view-answers.js';
import { campaignView } from '../../../main/campaigns/view-in-worker.js';
import { scenarioInput } from '../../helpers/campaign-scenarios.js';
import { tempDir } from '../../helpers/tmp.js';

const NOW = Date.parse('2025-09-30T10:00:00+08:00');
const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

/** A store after one run of the variant's pipeline over Shanghai's scenario A (12 contracts). */
function storeWithRun(variant: string): { db: Db; file: string } {
  const file = path.join(tempDir(), 'herald.sqlite');
  const db = openDatabase(file);
  migrate(db);
  open.push(db);
  const ctx = { jobId: 'campaign-test', runId: 1, scheduledAt: new Date(NOW), settings: {}, log: createLogger('test'), progress: () => undefined, warn: () => undefined };
  inTransaction(db, () => createPipeline(variant).run(db, scenarioInput('sh_scenario_A.json'), ctx));
  return { db, file };
}

describe.each(['SH-2025-04', 'SH-2025-09@new'])('campaignView of %s', (variant) => {
  it('answers from a worker thread exactly what the main thread answers', async () => {
    const { db, file } = storeWithRun(variant);
    const ledger = { kind: 'ledger', variant, now: NOW, filter: {}, page: 2, pageSize: 5 } as const;
    const filtered = { ...ledger, page: 1, filter: { text: 'c10' } };
    const overview = { kind: 'overview', variant, now: NOW } as const;
    for (const request of [ledger, filtered, overview]) {
      const inWorker = await campaignView(db, file, request, 0);
      expect(inWorker).toEqual(answerView(db, request));
      expect(await campaignView(db, file, request)).toEqual(inWorker);
    }
    const page = await campaignView(db, file, ledger, 0);
    expect(page.total).toBe(12);
    expect(page.entries.map((e) => e.contractId)).toHaveLength(5);
    expect((await campaignView(db, file, overview, 0)).totals.contracts).toBeGreaterThan(0);
  });

  it('names an unknown variant', async () => {
    const { db, file } = storeWithRun(variant);
    await expect(campaignView(db, file, { kind: 'overview', variant: 'XX-2030-01', now: NOW }, 0)).rejects.toMatchObject({ code: 'CAMPAIGN_UNKNOWN_VARIANT' });
  });
});
