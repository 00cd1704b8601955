import fs from 'node:fs';
import type { Command } from 'commander';
import type { Herald } from '../core/herald.js';
import type { JobsConfig } from '../jobs/config.js';
import type { ApiCall } from './api.js';
import { dataPaths } from '../core/paths.js';
import { HeraldError } from '../shared/errors.js';
import { resolveDataDir } from './data-dir.js';

/** What every command runs with; tests inject a job catalogue (the production one is the default). */
export interface CliContext {
  jobs?: JobsConfig;
}

/**
 * Opens the core for a command that changes data: it takes the data-folder lock, so a running
 * Herald (tray app, headless server) makes the command fail with one line naming the holder.
 */
export async function openForChange(cmd: Command, ctx: CliContext): Promise<Herald> {
  const { Herald } = await import('../core/herald.js');
  return Herald.open({ dataDir: resolveDataDir(cmd), mode: 'cli', ...(ctx.jobs ? { jobs: ctx.jobs } : {}) });
}

/**
 * Opens the core to read (status, export, db check) without the lock, so it works beside a running
 * Herald: SQLite's WAL lets a reader see the last committed state while the app writes. A data
 * folder without a database is an error rather than a new empty one.
 */
export async function openForReading(cmd: Command, ctx: CliContext): Promise<Herald> {
  const dataDir = resolveDataDir(cmd);
  if (!fs.existsSync(dataPaths(dataDir).dbFile)) {
    throw new HeraldError('NO_DATABASE', `There is no Herald database in ${dataDir} (start Herald once, or give the folder with --data-dir).`, { dataDir });
  }
  const { Herald } = await import('../core/herald.js');
  return Herald.open({ dataDir, mode: 'cli', lock: false, ...(ctx.jobs ? { jobs: ctx.jobs } : {}) });
}

/** The in-process API of an opened core (loaded on use: `--help` and replays need none of it). */
export async function apiFor(herald: Herald): Promise<ApiCall> {
  const { apiOf } = await import('./api.js');
  return apiOf(herald);
}

/** Runs `fn` on an opened core and always closes it (releasing the lock). */
export async function withHerald<T>(open: Promise<Herald>, fn: (herald: Herald) => Promise<T> | T): Promise<T> {
  const herald = await open;
  try {
    return await fn(herald);
  } finally {
    await herald.close();
  }
}
