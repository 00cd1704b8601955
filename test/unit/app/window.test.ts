import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, FakeEvent, resetElectron } from '../../fakes/electron/index.js';
import { MainWindow, PRELOAD_FILE } from '../../../main/app/window.js';

vi.mock('electron', () => import('../../fakes/electron/index.js'));

beforeEach(() => resetElectron());

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('main window', () => {
  it('is sandboxed, isolated, without Node, with the bundled preload, and loads the app:// UI', () => {
    new MainWindow().show();
    const win = BrowserWindow.created[0]!;
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      preload: PRELOAD_FILE,
    });
    expect(PRELOAD_FILE.endsWith('out/preload/index.cjs')).toBe(true);
    expect(win.loadedUrl).toBe('app://herald/index.html');
  });

  it('appears once painted, not as an empty frame', async () => {
    new MainWindow().show();
    const win = BrowserWindow.created[0]!;
    expect(win.visible).toBe(false);
    await flush();
    expect(win.visible).toBe(true);
  });

  it('hides to the tray on close and destroys the window and its renderer; opening again builds a new one', async () => {
    const main = new MainWindow();
    main.show();
    await flush();
    const first = BrowserWindow.created[0]!;
    first.close();
    expect(first.visible).toBe(false);
    expect(first.isDestroyed()).toBe(true);
    expect(first.webContents.isDestroyed()).toBe(true);
    expect(main.current).toBeUndefined();
    main.send('herald:event', { type: 'invalidate', topic: 'runs' });
    expect(first.webContents.sent).toEqual([]);

    main.show();
    expect(BrowserWindow.created).toHaveLength(2);
    expect(main.current).toBe(BrowserWindow.created[1]);
  });

  it('brings an existing window to the front instead of building a second one', async () => {
    const main = new MainWindow();
    main.show();
    await flush();
    const win = BrowserWindow.created[0]!;
    win.minimized = true;
    win.focused = false;
    main.show();
    expect(BrowserWindow.created).toHaveLength(1);
    expect(win.isMinimized()).toBe(false);
    expect(win.focused).toBe(true);
  });

  it('lets the window close normally once the app is quitting', () => {
    const main = new MainWindow();
    main.show();
    const win = BrowserWindow.created[0]!;
    main.allowClose();
    const event = new FakeEvent();
    win.emit('close', event);
    expect(event.defaultPrevented).toBe(false);
  });

  it('sends events to the live renderer', () => {
    const main = new MainWindow();
    main.show();
    main.send('herald:event', { type: 'invalidate', topic: 'runs' });
    expect(BrowserWindow.created[0]!.webContents.sent).toEqual([{ channel: 'herald:event', payload: { type: 'invalidate', topic: 'runs' } }]);
  });
});
