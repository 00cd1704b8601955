import type { Herald } from '../core/herald.js';
import { onLogEntry } from '../logging/logger.js';
import type { HeraldEvent } from './contract/events.js';

/**
 * What a UI transport (SSE in headless mode, IPC in the app) forwards to the page: the core's
 * events plus every log entry, which the Logs page appends live.
 */
export function subscribeUiEvents(herald: Herald, listener: (event: HeraldEvent) => void): () => void {
  const offBus = herald.events.subscribe(listener);
  const offLog = onLogEntry((entry) => listener({ type: 'log', entry }));
  return () => {
    offBus();
    offLog();
  };
}
