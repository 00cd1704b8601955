import type { Herald } from '../../core/herald.js';
import type { HandlersOf } from '../dispatcher.js';
import type { systemMethods } from '../contract/system.js';
import { appVersion } from '../../core/app-info.js';
import { tailLog } from '../../logging/logger.js';
import { exportDiagnostics } from '../../core/diagnostics.js';

/** How a transport opens a folder: the app uses the shell; headless only reports the path. */
export type OpenPath = (target: string) => Promise<boolean>;

export function systemHandlers(herald: Herald, openPath: OpenPath): HandlersOf<typeof systemMethods> {
  const folders = {
    logs: herald.paths.logsDir,
    data: herald.paths.dataDir,
    backups: herald.paths.backupsDir,
    diagnostics: herald.paths.diagnosticsDir,
  };
  return {
    health: () => ({
      status: 'ok',
      version: appVersion,
      mode: herald.mode,
      demo: herald.demo,
      dataDir: herald.paths.dataDir,
      logsDir: herald.paths.logsDir,
      schemaVersion: herald.schemaVersion(),
      startedAt: herald.startedAt.toISOString(),
      integrity: herald.integrity,
    }),
    'status.get': () => herald.status.current(),
    'settings.get': () => herald.settings(),
    'settings.set': (patch) => herald.updateSettings(patch),
    'logs.tail': ({ limit, minLevel, search }) => ({
      entries: tailLog({ logsDir: herald.paths.logsDir, limit, minLevel, ...(search ? { search } : {}) }),
    }),
    'db.backup': async () => {
      const info = await herald.backupNow('manual');
      herald.log.info('Backup written on request', { backup: info.name });
      return { name: info.name, sizeBytes: info.sizeBytes, createdAt: info.createdAt };
    },
    'db.backups': () => ({
      backups: herald.listBackups().map((b) => ({ name: b.name, sizeBytes: b.sizeBytes, createdAt: b.createdAt })),
    }),
    'db.restore': ({ name }) => herald.restore(name),
    'diagnostics.export': () => {
      const result = exportDiagnostics(herald);
      herald.log.info('Diagnostics exported', { file: result.file });
      return result;
    },
    'app.openPath': async ({ target }) => {
      const dir = folders[target];
      return { path: dir, opened: await openPath(dir) };
    },
  };
}
