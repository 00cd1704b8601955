import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, integrityCheck, type Db } from '../db/open.js';
import { migrate, currentVersion, latestVersion } from '../db/migrate.js';
import { acquireDataFolderLock, type DataFolderLock } from '../db/data-folder-lock.js';
import { backupTo, listBackups, replaceDatabaseFile, type BackupInfo } from '../db/backup.js';
import { createSecretBox, loadOrCreateKey, type SecretBox } from '../db/secrets.js';
import { configureLogging, createLogger, setLogLevel, type Logger } from '../logging/logger.js';
import { readSettings, writeSettings } from '../settings/store.js';
import type { Settings, SettingsPatch } from '../settings/schema.js';
import { HeraldError } from '../shared/errors.js';
import { systemClock, type Clock } from '../shared/clock.js';
import { dataPaths, type DataPaths } from './paths.js';
import { EventBus } from './events.js';
import { StatusBoard } from './status.js';
import { PowerEvents } from './power.js';
import { createServices } from './services.js';
import type { JobsConfig } from '../jobs/config.js';

export type HeraldMode = 'app' | 'headless' | 'cli';

export interface HeraldOptions {
  dataDir: string;
  mode: HeraldMode;
  demo?: boolean;
  clock?: Clock;
  /** Take the data-folder lock (default). Read-only CLI commands pass false. */
  lock?: boolean;
  logToConsole?: boolean;
  /** What the jobs run with (catalogue, enqueue, waker …); tests inject their own. */
  jobs?: JobsConfig;
}

/** A long-lived part of the core (scheduler, outbox worker, backups) started and stopped together. */
export interface Service {
  readonly name: string;
  start(): void | Promise<void>;
  stop(): void | Promise<void>;
}

/**
 * The core of Herald, free of Electron: one data folder, its database and the services working on
 * it. The tray app, the headless server and the CLI each create one and put their transport on top.
 */
export class Herald {
  readonly paths: DataPaths;
  readonly mode: HeraldMode;
  readonly demo: boolean;
  readonly clock: Clock;
  readonly events = new EventBus();
  readonly status = new StatusBoard();
  readonly power = new PowerEvents();
  readonly startedAt = new Date();
  readonly log: Logger;
  readonly jobsConfig: JobsConfig;
  /** Extra sections for the diagnostics zip, contributed by capabilities (masked by them). */
  readonly diagnosticsSections = new Map<string, () => unknown>();
  integrity: { ok: boolean; problems: string[] } = { ok: true, problems: [] };

  private database: Db | undefined;
  private secretBox: SecretBox | undefined;
  private services: Service[] = [];
  private running = false;
  private readonly lock: DataFolderLock | undefined;

  private constructor(options: HeraldOptions, lock: DataFolderLock | undefined) {
    this.paths = dataPaths(options.dataDir);
    this.mode = options.mode;
    this.demo = options.demo ?? false;
    this.clock = options.clock ?? systemClock;
    this.lock = lock;
    this.jobsConfig = options.jobs ?? {};
    this.log = createLogger('core');
    this.status.contribute(() =>
      this.integrity.ok ? {} : { failures: [{ kind: 'integrity', summary: this.integrity.problems[0] ?? 'integrity check failed', at: this.startedAt.toISOString() }] },
    );
  }

  static open(options: HeraldOptions): Herald {
    const paths = dataPaths(options.dataDir);
    fs.mkdirSync(paths.dataDir, { recursive: true });
    configureLogging({ logsDir: paths.logsDir, console: options.logToConsole ?? options.mode !== 'cli' });
    const lock = options.lock === false ? undefined : acquireDataFolderLock(paths.dataDir, options.mode);
    const herald = new Herald(options, lock);
    try {
      herald.openDatabase();
    } catch (err) {
      lock?.release();
      throw err;
    }
    herald.services = createServices(herald);
    return herald;
  }

  get db(): Db {
    if (!this.database) throw new HeraldError('DB_CLOSED', 'The database is closed (a restore may be in progress).');
    return this.database;
  }

  /** Encrypts and decrypts stored secrets with this installation's key (created on first use). */
  get secrets(): SecretBox {
    this.secretBox ??= createSecretBox(loadOrCreateKey(this.paths.keyFile));
    return this.secretBox;
  }

  get isRunning(): boolean {
    return this.running;
  }

  private openDatabase(): void {
    const db = openDatabase(this.paths.dbFile);
    try {
      const report = migrate(db);
      if (report.applied.length) this.log.info('Database migrated', { from: report.from, to: report.to, applied: report.applied.length });
      this.integrity = integrityCheck(db);
      if (!this.integrity.ok) this.log.error('Database integrity check found problems', { problems: this.integrity.problems.slice(0, 20) });
    } catch (err) {
      db.close();
      throw err;
    }
    this.database = db;
    setLogLevel(readSettings(db).logLevel);
  }

  schemaVersion(): number {
    return currentVersion(this.db);
  }

  async start(): Promise<void> {
    if (this.running) return;
    for (const s of this.services) {
      await s.start();
      this.log.debug('Service started', { service: s.name });
    }
    this.running = true;
    this.log.info('Herald started', { mode: this.mode, dataDir: this.paths.dataDir, demo: this.demo });
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    for (const s of [...this.services].reverse()) {
      try {
        await s.stop();
      } catch (err) {
        this.log.error('Service failed to stop', { service: s.name, error: (err as Error).message });
      }
    }
    this.running = false;
  }

  async close(): Promise<void> {
    await this.stop();
    this.events.flush();
    this.database?.close();
    this.database = undefined;
    this.lock?.release();
  }

  settings(): Settings {
    return readSettings(this.db);
  }

  updateSettings(patch: SettingsPatch): Settings {
    const next = writeSettings(this.db, patch);
    setLogLevel(next.logLevel);
    this.events.invalidate('settings');
    return next;
  }

  backupNow(label = 'manual'): Promise<BackupInfo> {
    return backupTo(this.db, this.paths.backupsDir, label, new Date(this.clock.now()));
  }

  listBackups(): BackupInfo[] {
    return listBackups(this.paths.backupsDir);
  }

  /**
   * Restores a backup: services stop (no run or send in flight), a safety copy of the current
   * database is taken, the backup replaces the file, and everything starts again.
   */
  async restore(name: string): Promise<{ restoredFrom: string; safetyCopy: string }> {
    const backup = this.listBackups().find((b) => b.name === name);
    if (!backup) throw new HeraldError('BACKUP_NOT_FOUND', `There is no backup named ${name}.`, { name });
    checkBackupFile(backup.file);
    const wasRunning = this.running;
    await this.stop();
    const safety = await this.backupNow('pre-restore');
    this.database?.close();
    this.database = undefined;
    try {
      replaceDatabaseFile(this.paths.dbFile, backup.file, checkBackupFile);
    } finally {
      this.openDatabase();
      this.services = createServices(this);
      if (wasRunning) await this.start();
    }
    this.log.warn('Database restored from a backup', { backup: name, safetyCopy: safety.name });
    for (const topic of ['jobs', 'runs', 'outbox', 'settings', 'campaigns', 'shadow'] as const) this.events.invalidate(topic);
    return { restoredFrom: name, safetyCopy: safety.name };
  }
}

/** A backup is restorable when SQLite reads it as intact and its schema is not from a newer Herald. */
export function checkBackupFile(file: string): void {
  let db: Db | undefined;
  try {
    db = openDatabase(file, { readonly: true });
    const integrity = integrityCheck(db);
    if (!integrity.ok) throw new HeraldError('BACKUP_CORRUPT', `The backup ${path.basename(file)} fails the integrity check: ${integrity.problems[0]}`, { file });
    const version = currentVersion(db);
    if (version > latestVersion()) {
      throw new HeraldError('DB_NEWER_SCHEMA', `The backup ${path.basename(file)} was written by a newer Herald (schema ${version}).`, { file, schemaVersion: version });
    }
  } catch (err) {
    if (err instanceof HeraldError && !['DB_CORRUPT', 'DB_OPEN_FAILED'].includes(err.code)) throw err;
    throw new HeraldError('BACKUP_CORRUPT', `The backup ${path.basename(file)} cannot be read: ${(err as Error).message}`, { file }, { cause: err });
  } finally {
    db?.close();
  }
}
