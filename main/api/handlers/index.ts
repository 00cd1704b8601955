import type { Herald } from '../../core/herald.js';
import type { HandlerMap } from '../dispatcher.js';
import { systemHandlers, type OpenPath } from './system.js';
import { sourcesHandlers } from './sources.js';
import { shadowHandlers } from './shadow.js';
import { jobsHandlers } from './jobs.js';
import { monitorsHandlers } from './monitors.js';
import { outboxHandlers } from './outbox.js';
import { channelsHandlers } from './channels.js';
import { campaignsHandlers } from './campaigns.js';

export interface TransportHooks {
  openPath: OpenPath;
}

/** Every method's handler, assembled per capability; the type makes a missing one a compile error. */
export function createHandlers(herald: Herald, hooks: TransportHooks): HandlerMap {
  return {
    ...systemHandlers(herald, hooks.openPath),
    ...sourcesHandlers(herald),
    ...shadowHandlers(herald),
    ...jobsHandlers(herald),
    ...monitorsHandlers(herald),
    ...outboxHandlers(herald),
    ...channelsHandlers(herald),
    ...campaignsHandlers(herald),
  };
}
