import type { Herald, Service } from '../core/herald.js';
import { createLogger, type Logger } from '../logging/logger.js';
import { FakeWecomServer } from '../channels/fakes/wecom-server.js';
import { writeMetabaseSettings } from '../sources/config.js';
import { startFakeMetabase, type FakeMetabase } from './fake-metabase.js';
import { demoChannels } from './fake-channels.js';
import { demoCampaigns } from './campaigns.js';
import { demoMonitors } from './monitors.js';
import { seedShadowDemo } from '../shadow/demo.js';

/**
 * `npm start -- --demo`: local fake servers and sample data so a newcomer sees real jobs, messages
 * and diffs within a minute. The core starts the fake Metabase (Settings → Data sources points at
 * it) and the fake WeCom; then each contributor adds its part: sample cards, recipients, jobs to
 * enable and run. A contributor may ask for work once every service is up (`env.afterStart`), e.g.
 * running a job — the scheduler and the outbox run by then.
 */
export interface DemoEnv {
  metabase: FakeMetabase;
  wecom: FakeWecomServer;
  log: Logger;
  afterStart(task: () => void | Promise<void>): void;
}

export type DemoContributor = (herald: Herald, env: DemoEnv) => Promise<void> | void;

/** One line per contributor, in order. */
const CONTRIBUTORS: readonly DemoContributor[] = [
  demoChannels,
  demoCampaigns,
  demoMonitors,
  (herald, env) => env.afterStart(() => void seedShadowDemo(herald)),
];

/**
 * Two services: `prepare` runs early (before sources, outbox and jobs start, so no job of an
 * earlier demo start reads a fake server that is not yet up), `launch` runs last and does what the
 * contributors asked for once everything runs.
 */
export function demoServices(herald: Herald, contributors: readonly DemoContributor[] = CONTRIBUTORS): { prepare: Service; launch: Service } {
  const log = createLogger('demo');
  const tasks: Array<() => void | Promise<void>> = [];
  let metabase: FakeMetabase | undefined;
  let wecom: FakeWecomServer | undefined;
  const prepare: Service = {
    name: 'demo',
    async start() {
      tasks.length = 0;
      metabase = await startFakeMetabase();
      wecom = await new FakeWecomServer({ latencyMs: () => 20 + Math.random() * 80 }).start();
      writeMetabaseSettings(herald.db, herald.secrets, { url: metabase.url, username: metabase.username, password: metabase.password });
      const env: DemoEnv = { metabase, wecom, log, afterStart: (task) => tasks.push(task) };
      for (const contribute of contributors) await contribute(herald, env);
      log.info('Demo: fake Metabase and WeCom started', { metabase: metabase.url, wecom: wecom.baseUrl });
    },
    async stop() {
      await metabase?.close();
      await wecom?.close();
      metabase = undefined;
      wecom = undefined;
    },
  };
  const launch: Service = {
    name: 'demo-launch',
    async start() {
      for (const task of tasks.splice(0)) {
        try {
          await task();
        } catch (err) {
          log.error('A demo start-up task failed', { error: (err as Error).message });
        }
      }
    },
    stop() {},
  };
  return { prepare, launch };
}
