import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { apiFor, openForChange, openForReading, withHerald, type CliContext } from '../context.js';

export function registerDb(program: Command, ctx: CliContext): void {
  const db = program.command('db').description('Back up, check and restore the database');

  db.command('backup')
    .description('Back up the database (online: works while Herald runs, without the lock)')
    .argument('[file]', 'write the backup to this file (default: a new file in the backups folder)')
    .addHelpText('after', '\nExamples:\n  herald db backup\n  herald db backup D:\\herald-before-upgrade.sqlite\n')
    .action(async (file: string | undefined, _opts: unknown, cmd: Command) => {
      const { HeraldError } = await import('../../shared/errors.js');
      if (file && fs.existsSync(file)) throw new HeraldError('BACKUP_EXISTS', `${file} already exists; choose a new file name.`, { file });
      await withHerald(openForReading(cmd, ctx), async (herald) => {
        if (!file) {
          const info = await (await apiFor(herald))('db.backup');
          process.stdout.write(`Backup written: ${path.join(herald.paths.backupsDir, info.name)} (${info.sizeBytes} bytes)\n`);
          return;
        }
        fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
        await herald.db.backup(file);
        process.stdout.write(`Backup written: ${path.resolve(file)} (${fs.statSync(file).size} bytes)\n`);
      });
    });

  db.command('check')
    .description("Check the database's integrity and schema (read-only, without the lock)")
    .addHelpText('after', '\nExample:\n  herald db check\n')
    .action(async (_opts: unknown, cmd: Command) => {
      const { HeraldError } = await import('../../shared/errors.js');
      await withHerald(openForReading(cmd, ctx), async (herald) => {
        const health = await (await apiFor(herald))('health');
        if (!health.integrity.ok) {
          throw new HeraldError('DB_INTEGRITY', `The integrity check of ${herald.paths.dbFile} failed: ${health.integrity.problems.slice(0, 3).join('; ')}. Restore a backup (herald db restore FILE).`, {
            file: herald.paths.dbFile,
          });
        }
        process.stdout.write(`${herald.paths.dbFile}: integrity ok, schema ${health.schemaVersion}.\n`);
      });
    });

  db.command('restore')
    .description('Replace the database by a backup (takes the data-folder lock; the current database is kept as a backup first)')
    .argument('<file>', 'the backup file (a herald-*.sqlite from the backups folder or any copy)')
    .addHelpText('after', '\nExample:\n  herald db restore backups/herald-20260301-020000-daily.sqlite\n')
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      const { HeraldError } = await import('../../shared/errors.js');
      if (!fs.existsSync(file)) throw new HeraldError('BACKUP_NOT_FOUND', `There is no file ${file}.`, { file });
      const { checkBackupFile } = await import('../../core/herald.js');
      const { backupTo } = await import('../../db/backup.js');
      const { openDatabase } = await import('../../db/open.js');
      await withHerald(openForChange(cmd, ctx), async (herald) => {
        // The core restores by name from its backups folder: a file from elsewhere is checked, then
        // copied there (SQLite's backup API, so it lands as one consistent file).
        const inFolder = path.dirname(path.resolve(file)) === herald.paths.backupsDir && herald.listBackups().some((b) => b.name === path.basename(file));
        let name = path.basename(file);
        let copy: string | undefined;
        if (!inFolder) {
          checkBackupFile(file);
          const source = openDatabase(file, { readonly: true });
          try {
            ({ name, file: copy } = await backupTo(source, herald.paths.backupsDir, 'restore-source', new Date(herald.clock.now())));
          } finally {
            source.close();
          }
        }
        try {
          const result = await (await apiFor(herald))('db.restore', { name });
          process.stdout.write(`Restored from ${file}; the database before it is kept as ${path.join(herald.paths.backupsDir, result.safetyCopy)}.\n`);
        } catch (err) {
          if (copy) fs.rmSync(copy, { force: true });
          throw err;
        }
      });
    });
}
