import type { Herald } from '../../core/herald.js';
import type { HandlerMap } from '../dispatcher.js';
import { systemHandlers, type OpenPath } from './system.js';
import { outboxHandlers } from './outbox.js';
import { channelsHandlers } from './channels.js';

export interface TransportHooks {
  openPath: OpenPath;
}

/** Every method's handler, assembled per capability; the type makes a missing one a compile error. */
export function createHandlers(herald: Herald, hooks: TransportHooks): HandlerMap {
  return {
    ...systemHandlers(herald, hooks.openPath),
    ...outboxHandlers(herald),
    ...channelsHandlers(herald),
  };
}
