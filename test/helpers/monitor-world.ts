import fs from 'node:fs';
import { afterEach } from 'vitest';
import { Herald } from '../../main/core/herald.js';
import { jobsFor, type JobsService } from '../../main/jobs/service.js';
import type { RunRow } from '../../main/jobs/run-store.js';
import { updateChannelConfig } from '../../main/channels/config-store.js';
import { FakeWecomServer } from '../../main/channels/fakes/wecom-server.js';
import { startFakeMetabase, type FakeMetabase } from '../../main/demo/fake-metabase.js';
import { saveRecipient } from '../../main/outbox/recipients.js';
import type { MessageRow } from '../../main/outbox/message-row.js';
import { writeMetabaseSettings } from '../../main/sources/config.js';
import type { CardResult } from '../../main/sources/types.js';
import { cardFromFixtureText } from '../../main/monitors/fixture-card.js';
import { MONITOR_JOBS } from '../../main/monitors/definitions.js';
import { fixturePath, readFixtureJson } from './fixtures.js';
import { ManualWaker, waitFor, waitForRun } from './jobs/herald.js';
import { tempDir } from './tmp.js';

/** Robot keys the monitors' recipients are routed to in these tests. */
export const KEYS = { providers: 'robot-providers', fallback: 'robot-default', offline: 'robot-offline', technician: 'robot-technician', contact: 'robot-contact' } as const;

export interface MonitorWorld {
  herald: Herald;
  jobs: JobsService;
  metabase: FakeMetabase;
  wecom: FakeWecomServer;
  /** Serves a card for the job's default card id. */
  serve(jobId: string, card: CardResult): void;
  /** Runs the job once through the real runner at the scheduled time; waits until the run has ended. */
  run(jobId: string, at: string): Promise<RunRow>;
  /** Waits until none of the run's messages is waiting any more; returns them in enqueue order. */
  delivered(runId: number): Promise<MessageRow[]>;
  messages(runId: number): MessageRow[];
  warnings(runId: number): string[];
}

const opened: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of opened.splice(0)) await close();
});

/**
 * A started Herald with the real job catalogue, runner (worker threads) and outbox, reading the
 * fake Metabase and delivering to the fake WeCom server (robots and smartsheets): every monitor
 * recipient routed, `provider:*` standing in for the providers.
 */
export async function monitorWorld(): Promise<MonitorWorld> {
  const metabase = await startFakeMetabase();
  const wecom = await new FakeWecomServer().start();
  const herald = Herald.open({ dataDir: tempDir('herald-monitors-e2e-'), mode: 'headless', logToConsole: false, jobs: { waker: new ManualWaker() } });
  opened.push(async () => {
    await herald.close();
    await wecom.close();
    await metabase.close();
  });
  const now = Date.now();
  writeMetabaseSettings(herald.db, herald.secrets, { url: metabase.url, username: metabase.username, password: metabase.password, timeoutMs: 5000 });
  updateChannelConfig(herald.db, herald.secrets, 'GROUP_BOT', { settings: { baseUrl: wecom.robotUrl, timeoutMs: 5000 } }, now);
  const robot = (id: string, key: string) => saveRecipient(herald.db, herald.secrets, { id, route: [{ channel: 'GROUP_BOT', address: key }] }, now);
  robot('provider:*', KEYS.providers);
  robot('wecom-default', KEYS.fallback);
  robot('housekeeper-offline-group', KEYS.offline);
  robot('webhook-url-default', KEYS.technician);
  robot('contact-timeout-webhook', KEYS.contact);
  for (const table of ['project-settlement', 'contract-completion', 'payment-records', 'crew-settlement-ledger', 'material-replenishment']) robot(`smartsheet:${table}`, wecom.smartsheetUrl(table));
  // The technician's WeChat contacts are the desktop client's; here they are recorded only.
  saveRecipient(herald.db, herald.secrets, { id: 'wechat:*', route: [{ channel: 'DRY_RUN', address: 'wechat' }] }, now);
  await herald.start();
  const jobs = jobsFor(herald);
  const messages = (runId: number) => herald.db.prepare('SELECT * FROM messages WHERE run_id = ? ORDER BY seq').all(runId) as MessageRow[];
  return {
    herald,
    jobs,
    metabase,
    wecom,
    serve: (jobId, card) => metabase.setCard(MONITOR_JOBS[jobId]!.cardId, card),
    async run(jobId, at) {
      const { runId } = jobs.runner.submit({ jobId, kind: 'manual', scheduledAt: Date.parse(at) });
      return waitForRun(jobs, runId, 30_000);
    },
    messages,
    delivered: (runId) => waitFor(() => {
      const rows = messages(runId);
      return rows.every((m) => !['pending', 'sending', 'failed'].includes(m.status)) ? rows : undefined;
    }, `the messages of run #${runId} to be delivered`, 30_000),
    warnings: (runId) => (herald.db.prepare("SELECT message FROM run_logs WHERE run_id = ? AND level = 'warn' ORDER BY seq").pluck().all(runId) as string[]),
  };
}

export interface FixtureCase {
  id: string;
  job: string;
  runs: Array<{ at: string; file: string }>;
}

export interface ExpectedMessage {
  recipient: string;
  message: unknown;
}

/** A case of `fixtures/monitors`: its runs (card per run) and what v1 sent in each. */
export function fixtureCase(id: string): { job: string; runs: Array<{ at: string; card: CardResult; expected: ExpectedMessage[] }> } {
  const c = readFixtureJson<FixtureCase[]>('monitors', 'index.json').find((x) => x.id === id);
  if (!c) throw new Error(`no fixture case ${id}`);
  const expected = readFixtureJson<{ runs: Array<{ messages: ExpectedMessage[] }> }>('monitors', id, 'expected.json');
  return {
    job: c.job,
    runs: c.runs.map((r, i) => ({ at: r.at, card: cardFromFixtureText(c.job, fs.readFileSync(fixturePath('monitors', id, r.file), 'utf8')), expected: expected.runs[i]!.messages })),
  };
}
