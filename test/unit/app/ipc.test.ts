import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcMain, resetElectron } from '../../fakes/electron/index.js';
import { methodChannel, serveApiOverIpc } from '../../../main/app/ipc.js';
import { methodNames } from '../../../main/api/contract/index.js';
import type { Dispatcher } from '../../../main/api/dispatcher.js';

vi.mock('electron', () => import('../../fakes/electron/index.js'));

beforeEach(() => resetElectron());

function recordingDispatcher(): Dispatcher & { calls: Array<[string, unknown]> } {
  const calls: Array<[string, unknown]> = [];
  return {
    calls,
    invoke(method, input) {
      calls.push([method, input]);
      return Promise.resolve({ ok: true, data: { method } });
    },
  };
}

describe('API over IPC', () => {
  it('registers one channel per API method', () => {
    serveApiOverIpc(recordingDispatcher());
    expect([...ipcMain.handlers.keys()].sort()).toEqual(methodNames.map((m) => `herald:${m}`).sort());
  });

  it('passes calls from the app:// UI to the dispatcher', async () => {
    const dispatcher = recordingDispatcher();
    serveApiOverIpc(dispatcher);
    const result = await ipcMain.invoke(methodChannel('settings.set'), 'app://herald/index.html#/settings', { language: 'en' });
    expect(result).toEqual({ ok: true, data: { method: 'settings.set' } });
    expect(dispatcher.calls).toEqual([['settings.set', { language: 'en' }]]);
  });

  it('refuses calls from a foreign frame or a frame that is gone, without reaching the dispatcher', async () => {
    const dispatcher = recordingDispatcher();
    serveApiOverIpc(dispatcher);
    for (const url of ['https://evil.example/', 'file:///C:/Users/x/page.html', 'app://other/index.html', null]) {
      const result = await ipcMain.invoke(methodChannel('db.restore'), url, { name: 'herald-x.sqlite' });
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER', context: { method: 'db.restore' } } });
    }
    expect(dispatcher.calls).toEqual([]);
  });

  it('removes its handlers again', () => {
    const stop = serveApiOverIpc(recordingDispatcher());
    stop();
    expect(ipcMain.handlers.size).toBe(0);
  });
});
