import { describe, expect, it } from 'vitest';
import { DEMO_CAMPAIGN_JOBS } from '../../../main/demo/campaigns.js';
import { startTestServer } from '../../helpers/headless.js';
import { waitFor } from '../../helpers/wait.js';

/** `--demo` from a fresh data folder: campaign jobs enabled and run at start, their announcements in the outbox and delivered to the fake WeCom. */
describe('demo mode: campaigns', () => {
  it('shows enabled campaign jobs, their runs and their messages within the time budget', async () => {
    const started = Date.now();
    const s = await startTestServer({ demo: true });
    const sources = await s.call('sources.get');
    expect(sources.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const { jobs } = await s.call('jobs.list');
    for (const id of DEMO_CAMPAIGN_JOBS) expect(jobs.find((j) => j.id === id)?.enabled, id).toBe(true);

    // A */3 trigger may fire while a start run still waits (slow machine): that firing is skipped, not the demo's run.
    const runs = await waitFor(async () => {
      const list = await s.call('runs.list', { pageSize: 50 });
      const ended = DEMO_CAMPAIGN_JOBS.map((id) => list.runs.find((r) => r.jobId === id && !['queued', 'running', 'skipped'].includes(r.status)));
      return ended.every(Boolean) ? ended : undefined;
    }, 'the demo campaign runs', 45_000);
    expect(runs.map((r) => [r!.jobId, r!.status, r!.error?.message ?? null])).toEqual(DEMO_CAMPAIGN_JOBS.map((id) => [id, 'succeeded', null]));

    const sent = await waitFor(async () => {
      const list = await s.call('outbox.list', { filter: { businessType: 'campaign.announcement', status: ['sent'] }, pageSize: 500 });
      const jobsWithSent = new Set(list.items.map((m) => m.jobId));
      return DEMO_CAMPAIGN_JOBS.every((id) => jobsWithSent.has(id)) ? list : undefined;
    }, 'announcements of every demo campaign to be delivered', 45_000);
    expect(sent.items.some((m) => m.recipient === 'sign-broadcast-group' && m.channel === 'GROUP_BOT')).toBe(true);
    expect(Date.now() - started).toBeLessThan(60_000);

    const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    const ledger = await s.call('campaigns.ledger', { variant: 'BJ-SIGN-BROADCAST', month });
    expect(ledger.activityCode).toBe(`BJ-SIGN-BROADCAST-${month}`);
    expect(ledger.total).toBeGreaterThan(0);
    const june = await s.call('campaigns.overview', { variant: 'BJ-2025-06' });
    expect(june.totals.contracts).toBeGreaterThan(0);
  });
});
