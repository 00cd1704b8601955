import { z } from 'zod';
import { method, NoInput } from './define.js';
import { SettingsSchema, SettingsPatchSchema } from '../../settings/schema.js';

export const LogLevelSchema = z.enum(['error', 'warn', 'info', 'debug']);
export const LogEntrySchema = z.object({
  time: z.string(),
  level: LogLevelSchema,
  scope: z.string(),
  message: z.string(),
  context: z.record(z.string(), z.unknown()).optional(),
});

export const BackupInfoSchema = z.object({
  name: z.string(),
  sizeBytes: z.number(),
  createdAt: z.string(),
});

/** The tray and the header show this: the worst state wins (failed > paused > ok). */
export const AppStateSchema = z.enum(['ok', 'failed', 'paused']);

export const HealthSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  mode: z.enum(['app', 'headless', 'cli']),
  demo: z.boolean(),
  dataDir: z.string(),
  logsDir: z.string(),
  schemaVersion: z.number().int(),
  startedAt: z.string(),
  integrity: z.object({ ok: z.boolean(), problems: z.array(z.string()) }),
});

export const StatusSchema = z.object({
  state: AppStateSchema,
  pausedAll: z.boolean(),
  runningJobs: z.array(z.object({ jobId: z.string(), runId: z.number().int(), progress: z.string().optional() })),
  failures: z.array(z.object({ kind: z.enum(['run', 'message', 'integrity']), summary: z.string(), at: z.string() })),
});

export const systemMethods = {
  health: method({ input: NoInput, output: HealthSchema, summary: 'Is the core up, which data folder, which schema.' }),
  'status.get': method({ input: NoInput, output: StatusSchema, summary: 'Overall state for the tray and the header.' }),
  'settings.get': method({ input: NoInput, output: SettingsSchema, summary: 'Application settings.' }),
  'settings.set': method({ input: SettingsPatchSchema, output: SettingsSchema, summary: 'Change some settings.' }),
  'logs.tail': method({
    input: z
      .object({
        limit: z.number().int().min(1).max(5000).default(500),
        minLevel: LogLevelSchema.default('debug'),
        search: z.string().max(200).optional(),
      })
      .strict()
      .default({ limit: 500, minLevel: 'debug' }),
    output: z.object({ entries: z.array(LogEntrySchema) }),
    summary: 'The newest log entries, filtered by level and text.',
  }),
  'db.backup': method({ input: NoInput, output: BackupInfoSchema, summary: 'Back up the database now.' }),
  'db.backups': method({ input: NoInput, output: z.object({ backups: z.array(BackupInfoSchema) }), summary: 'Backups on disk, newest first.' }),
  'db.restore': method({
    input: z.object({ name: z.string().regex(/^herald-[\w-]+\.sqlite$/, 'a backup file name from db.backups') }).strict(),
    output: z.object({ restoredFrom: z.string(), safetyCopy: z.string() }),
    summary: 'Stop the scheduler, keep a safety copy, restore a backup and start again.',
  }),
  'diagnostics.export': method({
    input: NoInput,
    output: z.object({ file: z.string(), sizeBytes: z.number() }),
    summary: 'A zip of logs, masked settings, schema version and recent runs for support.',
  }),
  'app.openPath': method({
    input: z.object({ target: z.enum(['logs', 'data', 'backups', 'diagnostics']) }).strict(),
    output: z.object({ path: z.string(), opened: z.boolean() }),
    summary: 'Open a Herald folder in the file manager (desktop app only; headless returns the path).',
  }),
};
