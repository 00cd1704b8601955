import path from 'node:path';
import { BrowserWindow } from 'electron';
import { projectRoot, resourcesDir } from '../core/app-info.js';
import { UI_URL } from './ui-protocol.js';

export const PRELOAD_FILE = path.join(projectRoot, 'out', 'preload', 'index.cjs');

export interface MainWindowOptions {
  preload?: string;
  url?: string;
  icon?: string;
  /** Chromium developer tools (off in the packaged app). */
  devTools?: boolean;
}

/**
 * Herald's one window. It exists only while the user looks at it: closing it hides it to the tray
 * and destroys the BrowserWindow with its renderer process, so an idle Herald costs no renderer
 * memory; "Open Herald" builds a fresh one.
 */
export class MainWindow {
  private window: BrowserWindow | undefined;
  private quitting = false;

  constructor(private readonly options: MainWindowOptions = {}) {}

  get current(): BrowserWindow | undefined {
    return this.window && !this.window.isDestroyed() ? this.window : undefined;
  }

  /** Brings the window to the front, building it first when there is none. */
  show(): BrowserWindow {
    const win = this.current;
    if (!win) return this.create();
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
    return win;
  }

  /** Sends to the renderer when there is one; a closed window simply misses the message. */
  send(channel: string, payload: unknown): void {
    const contents = this.current?.webContents;
    if (contents && !contents.isDestroyed()) contents.send(channel, payload);
  }

  /** The app is quitting: let the window close for real instead of hiding to the tray. */
  allowClose(): void {
    this.quitting = true;
  }

  private create(): BrowserWindow {
    const win = new BrowserWindow({
      width: 1280,
      height: 820,
      minWidth: 900,
      minHeight: 600,
      show: false,
      title: 'Herald',
      icon: this.options.icon ?? path.join(resourcesDir, 'icon.png'),
      autoHideMenuBar: true,
      webPreferences: {
        preload: this.options.preload ?? PRELOAD_FILE,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        navigateOnDragDrop: false,
        webviewTag: false,
        spellcheck: false,
        // A middle click must not open a link in a new window (the window-open handler would see it, but belt and braces).
        disableBlinkFeatures: 'Auxclick',
        devTools: this.options.devTools ?? false,
      },
    });
    // Shown once painted, so the user never sees an empty frame.
    win.once('ready-to-show', () => {
      win.show();
      win.focus();
    });
    win.on('close', (event) => {
      if (this.quitting) return;
      event.preventDefault();
      win.hide();
      win.destroy();
    });
    win.on('closed', () => {
      if (this.window === win) this.window = undefined;
    });
    void win.loadURL(this.options.url ?? UI_URL);
    this.window = win;
    return win;
  }
}
