import fs from 'node:fs';
import path from 'node:path';
import { resourcesDir } from '../core/app-info.js';
import { jobsFor } from '../jobs/service.js';
import type { DemoContributor } from './index.js';

/**
 * The campaigns in the demo: bundled sample cards (`resources/demo/campaign-cards.json`, v1's card
 * shapes, invented people) on the fake Metabase — Beijing June 2025 and the 2026 sign and
 * performance broadcasts, whose dates move to the current month — and those three jobs enabled
 * and run once at start, so announcements are in the outbox within a minute.
 */
export const DEMO_CAMPAIGN_JOBS = ['bj-sign-broadcast', 'bj-performance-broadcast', 'campaign-bj-2025-06'] as const;
export const DEMO_CAMPAIGN_CARDS = path.join(resourcesDir, 'demo', 'campaign-cards.json');

interface SampleCard {
  columns: string[];
  floats: string[];
  rows: unknown[][];
}

function shanghaiMonth(now: number): string {
  return new Date(now + 8 * 3_600_000).toISOString().slice(0, 7);
}

export const demoCampaigns: DemoContributor = (herald, { metabase, afterStart, log }) => {
  const month = shanghaiMonth(herald.clock.now());
  const text = fs.readFileSync(DEMO_CAMPAIGN_CARDS, 'utf8').replaceAll('{YYYY-MM}', month).replaceAll('{YYYYMM}', month.replace('-', ''));
  const cards = JSON.parse(text) as Record<string, SampleCard | string>;
  for (const [id, card] of Object.entries(cards)) {
    if (typeof card === 'string') continue;
    const floats = new Set(card.floats);
    metabase.setCard(Number(id), { data: { cols: card.columns.map((name) => ({ name, ...(floats.has(name) ? { base_type: 'type/Float' } : {}) })), rows: card.rows } });
  }
  afterStart(() => {
    const jobs = jobsFor(herald);
    for (const jobId of DEMO_CAMPAIGN_JOBS) {
      if (!jobs.config.get(jobId).enabled) jobs.update(jobId, { enabled: true });
      const { runId } = jobs.runNow(jobId);
      log.info('Demo: campaign job started', { jobId, runId });
    }
  });
};
