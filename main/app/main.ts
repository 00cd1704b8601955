import { app, dialog } from 'electron';
import { startDesktopShell } from './shell.js';

// Entry of the tray app (out/main/app/main.js; `herald start` spawns Electron on it).
startDesktopShell(process.argv).catch((err: unknown) => {
  dialog.showErrorBox('Herald', err instanceof Error ? (err.stack ?? err.message) : String(err));
  app.exit(1);
});
