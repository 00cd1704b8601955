import { app } from 'electron';

/**
 * One tray app per user: a second launch hands its command line to the first (which shows its
 * window) and quits. Returns false in that second launch.
 */
export function claimSingleInstance(onSecondLaunch: (argv: string[]) => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', (_event, argv) => onSecondLaunch(argv));
  return true;
}
