import { app } from 'electron';

/** Passed by the login item so Herald starts in the tray without opening its window. */
export const HIDDEN_FLAG = '--hidden';

/** Windows splits the login item's command line at spaces unless an argument is quoted. */
function quoted(arg: string): string {
  return /\s/.test(arg) ? `"${arg}"` : arg;
}

/**
 * Registers or removes Herald as a login item for the current user (HKCU Run key on Windows).
 * `launchArgs` repeat what this start needs (the app folder when unpackaged, a chosen data folder).
 */
export function applyStartAtLogin(enabled: boolean, launchArgs: string[]): void {
  app.setLoginItemSettings({ openAtLogin: enabled, path: process.execPath, args: [...launchArgs, HIDDEN_FLAG].map(quoted) });
}
