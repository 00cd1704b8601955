import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { methodNames } from '../main/api/contract/index.js';
import type { HeraldBridge } from './bridge.js';

/**
 * The only surface the renderer gets: one named function per API method (no generic invoke, no
 * ipcRenderer), plus a subscription to live events. The main process checks the sender of every call.
 */
const api = Object.fromEntries(methodNames.map((name) => [name, (input: unknown) => ipcRenderer.invoke(`herald:${name}`, input)]));

const bridge: HeraldBridge = {
  api: api as HeraldBridge['api'],
  onEvent(listener) {
    const handler = (_event: IpcRendererEvent, payload: unknown) => listener(payload as Parameters<typeof listener>[0]);
    ipcRenderer.on('herald:event', handler);
    return () => {
      ipcRenderer.removeListener('herald:event', handler);
    };
  },
};

contextBridge.exposeInMainWorld('herald', bridge);
