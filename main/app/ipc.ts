import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { methodNames } from '../api/contract/index.js';
import type { ApiResult } from '../api/contract/define.js';
import type { Dispatcher } from '../api/dispatcher.js';
import { createLogger } from '../logging/logger.js';
import { isUiUrl } from './ui-protocol.js';

/** Channel names shared with preload/index.ts: one per API method, and one for live events. */
export const methodChannel = (method: string): string => `herald:${method}`;
export const EVENT_CHANNEL = 'herald:event';

const log = createLogger('app.ipc');

/** Only frames showing Herald's own UI may call the API (not a page some link navigated to). */
export function isTrustedSender(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url;
  return url !== undefined && isUiUrl(url);
}

/**
 * Serves every API method over IPC through the same dispatcher as HTTP, so input validation and
 * error shapes are identical. Returns a function removing the handlers.
 */
export function serveApiOverIpc(dispatcher: Dispatcher): () => void {
  for (const name of methodNames) {
    ipcMain.handle(methodChannel(name), (event, input: unknown): Promise<ApiResult<unknown>> | ApiResult<unknown> => {
      if (!isTrustedSender(event)) {
        log.warn('Refused an API call from a frame outside the UI', { method: name, url: (event.senderFrame?.url ?? '').slice(0, 200) });
        return { ok: false, error: { code: 'FORBIDDEN_SENDER', message: 'Only Herald’s own window may call its API.', context: { method: name } } };
      }
      return dispatcher.invoke(name, input);
    });
  }
  return () => {
    for (const name of methodNames) ipcMain.removeHandler(methodChannel(name));
  };
}
