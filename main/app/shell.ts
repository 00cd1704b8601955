import path from 'node:path';
import { app, dialog, session, shell } from 'electron';
import { Herald } from '../core/herald.js';
import type { Topic } from '../api/contract/events.js';
import { createDispatcher } from '../api/dispatcher.js';
import { createHandlers } from '../api/handlers/index.js';
import { subscribeUiEvents } from '../api/ui-events.js';
import { createLogger } from '../logging/logger.js';
import { isHeraldError } from '../shared/errors.js';
import { parseShellArgs, type ShellArgs } from './args.js';
import { claimSingleInstance } from './single-instance.js';
import { registerUiScheme, serveUi } from './ui-protocol.js';
import { hardenSession, hardenWebContents } from './web-security.js';
import { MainWindow } from './window.js';
import { EVENT_CHANNEL, serveApiOverIpc } from './ipc.js';
import { TrayManager, type TrayStatus } from './tray.js';
import { createShellCall, listTrayJobs, listTrayShadowJobs, setTrayMode } from './api-calls.js';
import { forwardPowerEvents, KeepAwake } from './power.js';
import { showAlertNotifications } from './notifications.js';
import { applyStartAtLogin } from './login-item.js';
import { adoptSystemProxy } from './system-proxy.js';
import { languageForLocale, shellLabels } from './labels.js';
import { APP_ID } from './app-id.js';
import { isSendingEnabled } from '../outbox/control.js';

/** Invalidations after which the tray (state, jobs, language) and the keep-awake are re-evaluated. */
const TRAY_TOPICS: ReadonlySet<Topic> = new Set(['status', 'runs', 'jobs', 'settings', 'outbox', 'shadow']);

const log = createLogger('app');

export interface DesktopShell {
  herald: Herald;
  window: MainWindow;
  tray: TrayManager;
  /** Re-reads status, jobs and settings into the tray, keep-awake and login item. */
  refresh(): Promise<void>;
  /** Stops the core and lets the app quit (what the tray's Quit and app.quit() end in). */
  quit(): Promise<void>;
}

/**
 * The tray app: the core in-process, its API over IPC to one sandboxed window, a tray icon fed by
 * the core's status, power events in, notifications out. Returns undefined when this launch
 * handed over to a running Herald or could not start.
 */
export async function startDesktopShell(argv: string[]): Promise<DesktopShell | undefined> {
  const args = parseShellArgs(argv);
  // Chromium's profile and the single-instance lock follow the data folder, so one Herald runs
  // per data folder and the folder's own files stay apart from Chromium's.
  app.setPath('userData', path.resolve(args.dataDir));
  app.setPath('sessionData', path.join(path.resolve(args.dataDir), 'chromium'));
  app.setAppUserModelId(APP_ID);
  app.enableSandbox();
  registerUiScheme();
  const window = new MainWindow({ devTools: !app.isPackaged });
  if (!claimSingleInstance(() => window.show())) return undefined;
  app.on('window-all-closed', () => {
    // Herald lives on in the tray; only Quit ends it.
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  await app.whenReady();
  hardenSession(session.defaultSession);
  serveUi();

  let herald: Herald;
  try {
    herald = Herald.open({ dataDir: args.dataDir, mode: 'app', demo: args.demo });
  } catch (err) {
    failStart(err);
    return undefined;
  }
  await adoptSystemProxy((url) => session.defaultSession.resolveProxy(url));
  const dispatcher = createDispatcher(createHandlers(herald, { openPath: openFolder }));
  const call = createShellCall(dispatcher);
  const cleanups = [
    serveApiOverIpc(dispatcher),
    subscribeUiEvents(herald, (event) => window.send(EVENT_CHANNEL, event)),
    forwardPowerEvents(herald.power),
    showAlertNotifications(herald.events, () => window.show()),
  ];
  const keepAwake = new KeepAwake();
  const loginItem = startAtLoginSync(args);

  const trayStatus = async (): Promise<TrayStatus> => {
    const language = herald.settings().language;
    return { ...herald.status.current(), jobs: await listTrayJobs(call, language), shadowJobs: await listTrayShadowJobs(call, language), sendingEnabled: isSendingEnabled(herald.db), language };
  };
  try {
    await herald.start();
  } catch (err) {
    for (const off of cleanups) off();
    await herald.close();
    failStart(err);
    return undefined;
  }

  let latest = 0;
  const refresh = async () => {
    const mine = ++latest;
    try {
      const status = await trayStatus();
      if (mine !== latest) return;
      tray.update(status);
      keepAwake.update(status.runningJobs.length > 0);
      loginItem(herald.settings().startAtLogin);
    } catch (err) {
      // A restore closes the database for a moment; the next invalidation refreshes again.
      log.debug('Tray refresh skipped', { error: (err as Error).message });
    }
  };
  const tray = new TrayManager(
    {
      openWindow: () => window.show(),
      pauseAll: () => void call('jobs.pauseAll').then(refresh),
      resumeAll: () => void call('jobs.resumeAll').then(refresh),
      // Through the API, as the Outbox page does: the same log line and invalidations (the window updates too).
      setSendingEnabled: (enabled) => void call('outbox.setSendingEnabled', { enabled }).then(refresh),
      runJob: (jobId) => void call('jobs.runNow', { jobId }).then(refresh),
      setMode: (jobId, mode) => void setTrayMode(call, jobId, mode, herald.settings().language).then(refresh),
      openLogsFolder: () => void openFolder(herald.paths.logsDir),
      quit: () => app.quit(),
    },
    await trayStatus(),
  );
  cleanups.push(
    herald.events.subscribe((event) => {
      if (event.type === 'invalidate' && TRAY_TOPICS.has(event.topic)) void refresh();
    }),
  );

  let closing: Promise<void> | undefined;
  const quit = () => {
    closing ??= (async () => {
      window.allowClose();
      for (const off of cleanups) off();
      keepAwake.release();
      tray.destroy();
      await herald.close();
    })();
    return closing;
  };
  let closed = false;
  app.on('before-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    void quit()
      .catch((err: unknown) => log.error('Herald did not close cleanly', { error: (err as Error).message }))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
  herald.power.on('shutdown', () => app.quit());

  await refresh();
  if (!args.hidden) window.show();
  log.info('Desktop shell ready', { electron: process.versions.electron, dataDir: herald.paths.dataDir });
  return { herald, window, tray, refresh, quit };
}

async function openFolder(target: string): Promise<boolean> {
  const error = await shell.openPath(target);
  if (error) log.warn('Could not open a folder', { target, error });
  return error === '';
}

/** Applies `settings.startAtLogin` whenever it differs from what was last applied. */
function startAtLoginSync(args: ShellArgs): (wanted: boolean) => void {
  const launchArgs = [
    ...(app.isPackaged ? [] : [path.resolve(process.argv[1] ?? '.')]),
    ...(args.explicitDataDir ? ['--data-dir', path.resolve(args.dataDir)] : []),
    ...(args.demo ? ['--demo'] : []),
  ];
  let applied: boolean | undefined;
  return (wanted) => {
    if (wanted === applied) return;
    applyStartAtLogin(wanted, launchArgs);
    if (applied !== undefined) log.info(wanted ? 'Herald now starts at login' : 'Herald no longer starts at login');
    applied = wanted;
  };
}

/** A start-up error the user must see (another Herald holds the data folder, a newer database …). */
function failStart(err: unknown): void {
  const labels = shellLabels(languageForLocale(app.getLocale()));
  const locked = isHeraldError(err) && err.code === 'DATA_FOLDER_LOCKED';
  const message = err instanceof Error ? err.message : String(err);
  log.error('Herald could not start', { error: message, code: isHeraldError(err) ? err.code : undefined });
  dialog.showErrorBox(locked ? labels.alreadyRunning : labels.cannotStart, message);
  app.quit();
}
