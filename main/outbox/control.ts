import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open.js';

/** Outbox-wide switches and counters, persisted (`outbox_control`). */
function read(db: Db, key: string): string | undefined {
  return db.prepare('SELECT value FROM outbox_control WHERE key = ?').pluck().get(key) as string | undefined;
}

function write(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO outbox_control (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}

/** The global "stop all sending" switch: off = messages wait, nothing is lost. */
export function isSendingEnabled(db: Db): boolean {
  return read(db, 'sending_enabled') !== '0';
}

export function setSendingEnabled(db: Db, enabled: boolean): void {
  write(db, 'sending_enabled', enabled ? '1' : '0');
}

/**
 * Sends interrupted by a crash (found `sending` afterwards): the only messages that can have been
 * delivered twice or not at all, counted for the Outbox page.
 */
export function interruptedCount(db: Db): number {
  return Number(read(db, 'interrupted_total') ?? 0);
}

export function addInterrupted(db: Db, n: number): void {
  if (n > 0) write(db, 'interrupted_total', String(interruptedCount(db) + n));
}

const versionStatements = new WeakMap<Db, { get: Statement; bump: Statement }>();

function versionStatementsFor(db: Db) {
  let v = versionStatements.get(db);
  if (!v) {
    v = {
      get: db.prepare("SELECT value FROM outbox_control WHERE key = 'config_version'").pluck(),
      bump: db.prepare("INSERT INTO outbox_control (key, value) VALUES ('config_version', '1') ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1"),
    };
    versionStatements.set(db, v);
  }
  return v;
}

/**
 * A counter every change of channels or recipients bumps, so the worker can keep their parsed,
 * decrypted form between messages and still see a change at the very next message.
 */
export function configVersion(db: Db): string {
  return (versionStatementsFor(db).get.get() as string | undefined) ?? '0';
}

export function bumpConfigVersion(db: Db): void {
  versionStatementsFor(db).bump.run();
}
