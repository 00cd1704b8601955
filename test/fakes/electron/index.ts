import { EventEmitter } from 'node:events';

/**
 * A small stand-in for the parts of Electron that main/app uses, so the shell can be tested in
 * Node: objects record what they were asked to do and tests drive the events Electron would emit.
 * Inject with `vi.mock('electron', () => import('../../fakes/electron/index.js'))`; call
 * `resetElectron()` between tests.
 */

/** An event object with the `preventDefault` Electron's events carry. */
export class FakeEvent {
  defaultPrevented = false;
  constructor(extra: Record<string, unknown> = {}) {
    Object.assign(this, extra);
  }
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  locale = 'zh-CN';
  singleInstanceAvailable = true;
  quitRequested = 0;
  quitted = false;
  exitCode: number | undefined;
  paths = new Map<string, string>();
  userModelId: string | undefined;
  sandboxEnabled = false;
  loginItem: Record<string, unknown> | undefined;

  reset(): void {
    this.removeAllListeners();
    Object.assign(this, { isPackaged: false, locale: 'zh-CN', singleInstanceAvailable: true, quitRequested: 0, quitted: false });
    Object.assign(this, { exitCode: undefined, userModelId: undefined, sandboxEnabled: false, loginItem: undefined });
    this.paths.clear();
  }
  requestSingleInstanceLock(): boolean {
    return this.singleInstanceAvailable;
  }
  /** Like Electron: 'before-quit' listeners may cancel by preventDefault. */
  quit(): void {
    this.quitRequested += 1;
    const event = new FakeEvent();
    this.emit('before-quit', event);
    if (!event.defaultPrevented) this.quitted = true;
  }
  exit(code = 0): void {
    this.exitCode = code;
    this.quitted = true;
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  getLocale(): string {
    return this.locale;
  }
  setPath(name: string, value: string): void {
    this.paths.set(name, value);
  }
  getPath(name: string): string {
    return this.paths.get(name) ?? `/fake/${name}`;
  }
  setAppUserModelId(id: string): void {
    this.userModelId = id;
  }
  enableSandbox(): void {
    this.sandboxEnabled = true;
  }
  setLoginItemSettings(settings: Record<string, unknown>): void {
    this.loginItem = settings;
  }
}
export const app = new FakeApp();

export class FakeWebContents extends EventEmitter {
  sent: Array<{ channel: string; payload: unknown }> = [];
  destroyed = false;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

export class BrowserWindow extends EventEmitter {
  static created: BrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  visible = false;
  focused = false;
  minimized = false;
  destroyed = false;
  loadedUrl: string | undefined;

  constructor(readonly options: Record<string, unknown>) {
    super();
    BrowserWindow.created.push(this);
    app.emit('web-contents-created', new FakeEvent(), this.webContents);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    queueMicrotask(() => this.emit('ready-to-show'));
    return Promise.resolve();
  }
  /** What the user's click on the close button does. */
  close(): void {
    const event = new FakeEvent();
    this.emit('close', event);
    if (!event.defaultPrevented) this.destroy();
  }
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.visible = false;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  show(): void {
    this.visible = true;
  }
  hide(): void {
    this.visible = false;
  }
  focus(): void {
    this.focused = true;
  }
}

export interface FakeImage {
  path: string;
}
export const nativeImage = {
  createFromPath: (path: string): FakeImage => ({ path }),
};

export interface FakeMenu {
  template: Array<Record<string, unknown>>;
}
export const Menu = {
  buildFromTemplate: (template: Array<Record<string, unknown>>): FakeMenu => ({ template }),
};

export class Tray extends EventEmitter {
  static created: Tray[] = [];
  image: FakeImage;
  tooltip = '';
  menu: FakeMenu | undefined;
  destroyed = false;
  constructor(image: FakeImage) {
    super();
    this.image = image;
    Tray.created.push(this);
  }
  setImage(image: FakeImage): void {
    this.image = image;
  }
  setToolTip(text: string): void {
    this.tooltip = text;
  }
  setContextMenu(menu: FakeMenu): void {
    this.menu = menu;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

type InvokeHandler = (event: unknown, ...args: unknown[]) => unknown;
class FakeIpcMain extends EventEmitter {
  handlers = new Map<string, InvokeHandler>();
  handle(channel: string, handler: InvokeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** What a renderer's `ipcRenderer.invoke` does, from a frame showing `frameUrl`. */
  async invoke(channel: string, frameUrl: string | null, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler({ senderFrame: frameUrl === null ? null : { url: frameUrl } }, ...args);
  }
}
export const ipcMain = new FakeIpcMain();

export const powerMonitor = new EventEmitter();

class FakePowerSaveBlocker {
  private next = 1;
  active = new Map<number, string>();
  start(type: string): number {
    const id = this.next++;
    this.active.set(id, type);
    return id;
  }
  stop(id: number): void {
    this.active.delete(id);
  }
  isStarted(id: number): boolean {
    return this.active.has(id);
  }
}
export const powerSaveBlocker = new FakePowerSaveBlocker();

export class Notification extends EventEmitter {
  static shown: Notification[] = [];
  static supported = true;
  static isSupported(): boolean {
    return Notification.supported;
  }
  constructor(readonly options: { title: string; body: string; icon?: string }) {
    super();
  }
  show(): void {
    Notification.shown.push(this);
  }
}

type ProtocolHandler = (request: Request) => Response | Promise<Response>;
export const protocol = {
  privileged: [] as Array<{ scheme: string; privileges: Record<string, boolean> }>,
  handlers: new Map<string, ProtocolHandler>(),
  registerSchemesAsPrivileged(schemes: Array<{ scheme: string; privileges: Record<string, boolean> }>): void {
    this.privileged.push(...schemes);
  },
  handle(scheme: string, handler: ProtocolHandler): void {
    this.handlers.set(scheme, handler);
  },
};

export const shell = {
  opened: [] as string[],
  openedExternal: [] as string[],
  openPath(target: string): Promise<string> {
    this.opened.push(target);
    return Promise.resolve('');
  },
  openExternal(url: string): Promise<void> {
    this.openedExternal.push(url);
    return Promise.resolve();
  },
};

export const dialog = {
  errors: [] as Array<{ title: string; content: string }>,
  showErrorBox(title: string, content: string): void {
    this.errors.push({ title, content });
  },
};

class FakeSession {
  proxyAnswer = 'DIRECT';
  permissionRequestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined;
  permissionCheckHandler: ((...args: unknown[]) => boolean) | undefined;
  resolveProxy(_url: string): Promise<string> {
    return Promise.resolve(this.proxyAnswer);
  }
  setPermissionRequestHandler(handler: FakeSession['permissionRequestHandler']): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: FakeSession['permissionCheckHandler']): void {
    this.permissionCheckHandler = handler;
  }
}
export const session = { defaultSession: new FakeSession() };

/** Back to a fresh Electron: no windows, trays, handlers, listeners or recorded calls. */
export function resetElectron(): void {
  app.reset();
  BrowserWindow.created = [];
  Tray.created = [];
  ipcMain.handlers.clear();
  ipcMain.removeAllListeners();
  powerMonitor.removeAllListeners();
  powerSaveBlocker.active.clear();
  Notification.shown = [];
  Notification.supported = true;
  protocol.privileged = [];
  protocol.handlers.clear();
  shell.opened = [];
  shell.openedExternal = [];
  dialog.errors = [];
  session.defaultSession = new FakeSession();
}
