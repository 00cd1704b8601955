import type { Db } from './open.js';
import type { Migration } from './migrations/types.js';
import { migrations as allMigrations } from './migrations/index.js';
import { HeraldError } from '../shared/errors.js';

export interface MigrationReport {
  from: number;
  to: number;
  applied: Array<{ version: number; name: string }>;
}

export function latestVersion(list: readonly Migration[] = allMigrations): number {
  return list.reduce((max, m) => Math.max(max, m.version), 0);
}

export function currentVersion(db: Db): number {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'").get();
  if (!exists) return 0;
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_version').get() as { v: number | null };
  return row.v ?? 0;
}

/**
 * Brings the database to the newest schema in one transaction (all pending migrations or none).
 * A database written by a newer Herald is refused: running old code on it could lose data.
 */
export function migrate(db: Db, list: readonly Migration[] = allMigrations): MigrationReport {
  const sorted = [...list].sort((a, b) => a.version - b.version);
  const versions = new Set<number>();
  for (const m of sorted) {
    if (versions.has(m.version)) throw new HeraldError('MIGRATION_DUPLICATE', `Two migrations share version ${m.version}.`, { version: m.version });
    versions.add(m.version);
  }
  const target = latestVersion(sorted);
  db.exec(`CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
  )`);
  const from = currentVersion(db);
  if (from > target) {
    throw new HeraldError(
      'DB_NEWER_SCHEMA',
      `This database was written by a newer Herald (schema ${from}; this version knows up to ${target}). Install the newer Herald or restore an older backup.`,
      { schemaVersion: from, supportedVersion: target },
    );
  }
  // Applied by set, not by maximum: capabilities own separate number ranges, so a lower-numbered
  // migration can arrive after a higher one was applied.
  const applied = new Set((db.prepare('SELECT version FROM schema_version').all() as Array<{ version: number }>).map((r) => r.version));
  const pending = sorted.filter((m) => !applied.has(m.version));
  const insert = db.prepare('INSERT INTO schema_version (version, name) VALUES (?, ?)');
  db.transaction(() => {
    for (const m of pending) {
      try {
        if (typeof m.up === 'string') db.exec(m.up);
        else m.up(db);
      } catch (err) {
        throw new HeraldError('MIGRATION_FAILED', `Migration ${m.version} (${m.name}) failed: ${(err as Error).message}`, { version: m.version }, { cause: err });
      }
      insert.run(m.version, m.name);
    }
  }).immediate();
  return { from, to: pending.length ? target : from, applied: pending.map((m) => ({ version: m.version, name: m.name })) };
}
