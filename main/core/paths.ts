import os from 'node:os';
import path from 'node:path';

/**
 * Where Herald keeps its data. The default is the folder Electron's `app.getPath('userData')`
 * gives for the product name "Herald", so the tray app, headless mode and the CLI agree without
 * Electron being loaded.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.HERALD_DATA_DIR) return env.HERALD_DATA_DIR;
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Herald');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Herald');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Herald');
}

/** The data folder a start uses: the one asked for, else the default; the demo gets its own. */
export function dataDirFor(explicit: string | undefined, demo: boolean): string {
  if (explicit) return explicit;
  const base = defaultDataDir();
  return demo ? `${base}-demo` : base;
}

export interface DataPaths {
  dataDir: string;
  dbFile: string;
  logsDir: string;
  backupsDir: string;
  diagnosticsDir: string;
  sandboxDir: string;
  keyFile: string;
}

export function dataPaths(dataDir: string): DataPaths {
  const dir = path.resolve(dataDir);
  return {
    dataDir: dir,
    dbFile: path.join(dir, 'herald.sqlite'),
    logsDir: path.join(dir, 'logs'),
    backupsDir: path.join(dir, 'backups'),
    diagnosticsDir: path.join(dir, 'diagnostics'),
    sandboxDir: path.join(dir, 'sandbox'),
    keyFile: path.join(dir, 'secret.key'),
  };
}
