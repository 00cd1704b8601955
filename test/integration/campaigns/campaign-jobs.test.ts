import { describe, expect, it } from 'vitest';
import { ledgerExport } from '../../../main/campaigns/export.js';
import { STANDARD_COLUMNS } from '../../../main/campaigns/input/columns.js';
import { JsonObject, type PyJson } from '../../../main/campaigns/input/json-rows.js';
import { floatRepr, isPyNum } from '../../../main/campaigns/rules/py.js';
import { campaignHarness, type CampaignHarness } from '../../helpers/campaign-jobs.js';
import { VOLATILE_FIELDS, loadExpected } from '../../helpers/campaign-scenarios.js';
import { readFixtureJson } from '../../helpers/fixtures.js';

/**
 * The real campaign jobs end to end: the production catalogue's job, the runner's worker thread,
 * a fake Metabase over HTTP serving the fixtures' cumulative batches, the real outbox (DRY_RUN) and
 * its sent-hooks. Each run's messages equal v1's texts for that batch; a contract is announced
 * once however often the job runs; after delivery the stored state equals v1's file or table.
 */

interface FixtureMessage {
  message: string;
}

function fixtureMessages(fixture: string, batch: number): string[] {
  const doc = readFixtureJson<{ batches: Array<{ messages: FixtureMessage[] }> }>('scenarios', 'out', fixture);
  return doc.batches[batch]!.messages.map((m) => m.message);
}

/** The full texts of a run's messages, in enqueue order. */
async function runTexts(h: CampaignHarness, runId: number): Promise<string[]> {
  const list = await h.server.call('outbox.list', { filter: {}, pageSize: 500 });
  const mine = list.items.filter((m) => m.runId === runId).reverse();
  return Promise.all(mine.map(async (m) => (await h.server.call('outbox.get', { id: m.id })).message.content));
}

function asText(v: PyJson | undefined): string {
  if (v === undefined || v === null) return '';
  if (isPyNum(v)) return v.float ? floatRepr(v.v) : String(v.v);
  return String(v);
}

/**
 * Differences between the live store and v1's file/table after the last batch — volatile columns
 * aside, and `extensions`: the fixtures fed v1's pipeline its validation rows directly, while a
 * live card goes through v1's Metabase parser first, which names a few extra fields differently.
 */
function storedDifferences(h: CampaignHarness, variant: string, fixture: string, replace: [string, string] = ['', '']): string[] {
  const doc = loadExpected(fixture);
  const exported = ledgerExport(h.server.herald.db, variant);
  const key = exported.columns.includes('activity_code') ? 'db_rows_after' : 'performance_file_after';
  const rows = doc instanceof JsonObject ? doc.fields.get(key) : undefined;
  const expected = (Array.isArray(rows) ? rows : []).map((r) => (r as JsonObject).fields);
  const problems: string[] = expected.length === exported.rows.length ? [] : [`expected ${expected.length} rows, got ${exported.rows.length}`];
  expected.forEach((row, i) =>
    exported.columns.forEach((c, j) => {
      if (VOLATILE_FIELDS.has(c) || c === 'id' || c === 'extensions') return;
      const want = replace[0] ? asText(row.get(c)).replaceAll(replace[0], replace[1]) : asText(row.get(c));
      const got = exported.rows[i]?.[j];
      if (want !== got) problems.push(`row ${i + 1}, ${c}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
    }),
  );
  return problems;
}

const shanghaiMonth = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);

describe('campaign jobs through the runner, the fake Metabase and the outbox', () => {
  it('file era (BJ-2025-06): two cumulative batches announce each contract once, exactly as v1; the ledger is marked on delivery', async () => {
    const h = await campaignHarness();
    h.serve(1707, 'bj_scenario_A.json', STANDARD_COLUMNS);
    const first = await h.run('campaign-bj-2025-06');
    expect(first.status).toBe('succeeded');
    expect(first.summary?.key).toBe('campaigns:summary.run');
    expect(await runTexts(h, first.id)).toEqual(fixtureMessages('BJ-2025-06.json', 0));
    await h.settled('campaign-bj-2025-06');

    h.serve(1707, 'bj_scenario_A_batch2.json', STANDARD_COLUMNS);
    const second = await h.run('campaign-bj-2025-06');
    expect(second.status).toBe('succeeded');
    expect(await runTexts(h, second.id)).toEqual(fixtureMessages('BJ-2025-06.json', 1));
    await h.settled('campaign-bj-2025-06');

    const third = await h.run('campaign-bj-2025-06');
    expect(third).toMatchObject({ status: 'succeeded', messages: 0, messagesNew: 0 });
    const all = await h.server.call('outbox.list', { filter: { jobId: 'campaign-bj-2025-06' }, pageSize: 500 });
    const identities = all.items.map((m) => `${m.businessType}|${m.businessId}|${m.recipient}`);
    expect(new Set(identities).size).toBe(identities.length);
    expect(all.items.every((m) => m.status === 'sent')).toBe(true);
    expect(storedDifferences(h, 'BJ-2025-06', 'BJ-2025-06.json')).toEqual([]);
    expect(h.metabase.queries(1707)).toBe(3);
  });

  it('database era (BJ-2025-10): counters from stored rows across runs; notification_sent follows delivery', async () => {
    const h = await campaignHarness();
    h.serve(1883, 'bj_oct_workorder_run1.json');
    const first = await h.run('campaign-bj-2025-10');
    expect(first.status).toBe('succeeded');
    expect(await runTexts(h, first.id)).toEqual(fixtureMessages('BJ-2025-10_workorder_two_runs.json', 0));
    await h.settled('campaign-bj-2025-10');

    h.serve(1883, 'bj_oct_workorder_run2.json');
    const second = await h.run('campaign-bj-2025-10');
    expect(await runTexts(h, second.id)).toEqual(fixtureMessages('BJ-2025-10_workorder_two_runs.json', 1));
    await h.settled('campaign-bj-2025-10');
    expect(storedDifferences(h, 'BJ-2025-10', 'BJ-2025-10_workorder_two_runs.json')).toEqual([]);
  });

  it('performance broadcast: monthly activity code from the run, full refresh each run, undelivered contracts not announced twice', async () => {
    const h = await campaignHarness();
    h.serve(2084, 'broadcast_scenario.json');
    // Sending stopped: the first run's announcements wait in the outbox, their rows stay unsent.
    await h.server.call('outbox.setSendingEnabled', { enabled: false });
    const first = await h.run('bj-performance-broadcast');
    expect(await runTexts(h, first.id)).toEqual(fixtureMessages('BJ-PERFORMANCE-BROADCAST.json', 0));
    const sentFlags = () => h.server.herald.db.prepare('SELECT DISTINCT notification_sent AS s FROM campaign_performance_data').pluck().all();
    expect(sentFlags()).toEqual([0]);
    const again = await h.run('bj-performance-broadcast');
    expect(again).toMatchObject({ status: 'succeeded', messagesNew: 0 });
    expect(again.messages).toBe(first.messages);
    await h.server.call('outbox.setSendingEnabled', { enabled: true });
    await h.settled('bj-performance-broadcast');
    expect(sentFlags()).toEqual([1]);

    h.serve(2084, 'broadcast_scenario_batch2.json');
    const second = await h.run('bj-performance-broadcast');
    expect(await runTexts(h, second.id)).toEqual(fixtureMessages('BJ-PERFORMANCE-BROADCAST.json', 1));
    await h.settled('bj-performance-broadcast');
    const code = `BJ-PERFORMANCE-BROADCAST-${shanghaiMonth()}`;
    const list = await h.server.call('outbox.list', { filter: { jobId: 'bj-performance-broadcast' }, pageSize: 500 });
    expect(list.items.every((m) => m.businessId.startsWith(`${code}:`) && m.recipient === 'performance-broadcast-group')).toBe(true);
    expect(storedDifferences(h, 'BJ-PERFORMANCE-BROADCAST', 'BJ-PERFORMANCE-BROADCAST.json', ['BJ-PERFORMANCE-BROADCAST-2026-05', code])).toEqual([]);
  });
});
