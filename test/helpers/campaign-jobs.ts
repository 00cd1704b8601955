import { afterEach } from 'vitest';
import { startFakeMetabase, type FakeMetabase } from '../../main/demo/fake-metabase.js';
import type { MethodOutput } from '../../main/api/contract/index.js';
import type { JobsConfig } from '../../main/jobs/config.js';
import { startTestServer, type TestServer } from './headless.js';
import { scenarioInput } from './campaign-scenarios.js';
import { waitFor } from './wait.js';

/**
 * A headless Herald with the production catalogue, the real runner and outbox, reading a fake
 * Metabase (real HTTP) configured in Settings → Data sources, with every campaign recipient routed
 * to DRY_RUN unless a test routes it elsewhere.
 */
export interface CampaignHarness {
  server: TestServer;
  metabase: FakeMetabase;
  /** Runs a job now and waits for the run to end. */
  run(jobId: string): Promise<MethodOutput<'runs.get'>>;
  /**
   * Serves a scenario file (fixtures/scenarios, a cumulative batch: the whole list so far) as the
   * card's rows; `columns` orders them for the positional cards of the file-era campaigns.
   */
  serve(cardId: number, file: string, columns?: readonly string[]): void;
  /** Serves row objects as a card with exactly `columns` (default: the first row's keys), in that order. */
  serveRows(cardId: number, rows: ReadonlyArray<Record<string, unknown>>, columns?: readonly string[], floats?: ReadonlySet<string>): void;
  /** Waits until the job's messages have all left `pending`/`sending`. */
  settled(jobId: string): Promise<MethodOutput<'outbox.list'>>;
}

const ROUTED = ['bj-ops-group', 'sh-ops-group', 'campaign-contact-bj', 'campaign-contact-sh', 'sign-broadcast-group', 'performance-broadcast-group'];

const metabases: FakeMetabase[] = [];
afterEach(async () => {
  for (const m of metabases.splice(0)) await m.close();
});

export async function campaignHarness(options: { route?: boolean; jobs?: JobsConfig } = {}): Promise<CampaignHarness> {
  const metabase = await startFakeMetabase();
  metabases.push(metabase);
  const server = await startTestServer(options.jobs ? { jobs: options.jobs } : {});
  await server.call('sources.set', { url: metabase.url, username: metabase.username, password: metabase.password });
  if (options.route !== false) for (const id of ROUTED) await server.call('recipients.save', { id, route: [{ channel: 'DRY_RUN', address: id }] });
  const serveRows: CampaignHarness['serveRows'] = (cardId, rows, columns, floats = new Set()) => {
    const names = columns ?? Object.keys(rows[0] ?? {});
    const cols = names.map((name) => ({ name, ...(floats.has(name) ? { base_type: 'type/Float' } : {}) }));
    metabase.setCard(cardId, { data: { cols, rows: rows.map((r) => names.map((n) => r[n] ?? null)) } });
  };
  return {
    server,
    metabase,
    async run(jobId) {
      const { runId } = await server.call('jobs.runNow', { jobId });
      return waitFor(async () => {
        const run = await server.call('runs.get', { runId });
        return ['succeeded', 'failed', 'timed-out', 'cancelled', 'interrupted'].includes(run.status) ? run : undefined;
      }, `run #${runId} of ${jobId} to end`, 30_000);
    },
    serve(cardId, file, columns) {
      // Metabase marks float columns (`type/Float`); v1's texts show `0.0` for them.
      const rows = scenarioInput(file);
      serveRows(cardId, rows.map((r) => r.values), columns, new Set(rows.flatMap((r) => r.floats ?? [])));
    },
    serveRows,
    async settled(jobId) {
      return waitFor(async () => {
        const list = await server.call('outbox.list', { filter: { jobId }, pageSize: 500 });
        return list.items.every((m) => m.status !== 'pending' && m.status !== 'sending') ? list : undefined;
      }, `the messages of ${jobId} to be delivered`);
    },
  };
}
