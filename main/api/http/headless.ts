import { Herald } from '../../core/herald.js';
import { createDispatcher } from '../dispatcher.js';
import { createHandlers } from '../handlers/index.js';
import { startHttpServer, type RunningHttpServer } from './server.js';
import { subscribeUiEvents } from '../ui-events.js';
import type { HeraldEvent } from '../contract/events.js';
import type { JobsConfig } from '../../jobs/config.js';

export interface HeadlessOptions {
  dataDir: string;
  demo?: boolean;
  port?: number;
  token?: string;
  rendererDist?: string;
  jobs?: JobsConfig;
}

export interface HeadlessHerald {
  herald: Herald;
  server: RunningHttpServer;
  stop(): Promise<void>;
}

/** Headless mode: the core plus the loopback HTTP API and UI, no Electron needed. */
export async function startHeadless(options: HeadlessOptions): Promise<HeadlessHerald> {
  const herald = Herald.open({ dataDir: options.dataDir, mode: 'headless', demo: options.demo ?? false, ...(options.jobs ? { jobs: options.jobs } : {}) });
  try {
    const dispatcher = createDispatcher(createHandlers(herald, { openPath: () => Promise.resolve(false) }));
    const subscribe = (listener: (event: HeraldEvent) => void) => subscribeUiEvents(herald, listener);
    const server = await startHttpServer({
      dispatcher,
      subscribe,
      ...(options.port !== undefined ? { port: options.port } : {}),
      ...(options.token ? { token: options.token } : {}),
      ...(options.rendererDist ? { rendererDist: options.rendererDist } : {}),
    });
    await herald.start();
    herald.log.info('Headless mode ready', { url: server.url, port: server.port });
    return {
      herald,
      server,
      async stop() {
        await server.close();
        await herald.close();
      },
    };
  } catch (err) {
    await herald.close();
    throw err;
  }
}
