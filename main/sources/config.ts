import type { Db } from '../db/open.js';
import type { SecretBox } from '../db/secrets.js';
import { HeraldError } from '../shared/errors.js';
import type { MetabaseConnection } from './metabase/client.js';
import { SESSION_MAX_AGE_MS } from './metabase/session.js';
import { normaliseServerUrl } from './metabase/url.js';

/**
 * Settings → Data sources, stored in `metabase_config` (one row). The password is sealed with the
 * installation key and never leaves the core: readers get `passwordSet` only.
 */
export const DEFAULT_TIMEOUT_MS = 30_000;
export const MIN_TIMEOUT_MS = 1_000;
export const MAX_TIMEOUT_MS = 600_000;

export interface MetabaseSettings {
  url: string;
  username: string;
  passwordSet: boolean;
  timeoutMs: number;
}

export interface MetabaseSettingsPatch {
  url?: string;
  username?: string;
  /** Write-only; replaces the stored password. */
  password?: string;
  clearPassword?: boolean;
  timeoutMs?: number;
}

interface ConfigRow {
  url: string;
  username: string;
  password_sealed: string | null;
  timeout_ms: number;
}

function readRow(db: Db): ConfigRow {
  const row = db.prepare('SELECT url, username, password_sealed, timeout_ms FROM metabase_config WHERE id = 1').get() as ConfigRow | undefined;
  return row ?? { url: '', username: '', password_sealed: null, timeout_ms: DEFAULT_TIMEOUT_MS };
}

export function readMetabaseSettings(db: Db): MetabaseSettings {
  const row = readRow(db);
  return { url: row.url, username: row.username, passwordSet: row.password_sealed !== null, timeoutMs: row.timeout_ms };
}

/**
 * Applies a change in one transaction. A new server, user or password drops the stored session:
 * it belonged to the old account.
 */
export function writeMetabaseSettings(db: Db, secrets: SecretBox, patch: MetabaseSettingsPatch): MetabaseSettings {
  const url = patch.url === undefined ? undefined : patch.url.trim() === '' ? '' : normaliseServerUrl(patch.url);
  if (patch.timeoutMs !== undefined && !(Number.isInteger(patch.timeoutMs) && patch.timeoutMs >= MIN_TIMEOUT_MS && patch.timeoutMs <= MAX_TIMEOUT_MS)) {
    throw new HeraldError('SOURCE_TIMEOUT_INVALID', `The timeout must be between ${MIN_TIMEOUT_MS / 1000} and ${MAX_TIMEOUT_MS / 1000} seconds.`, { timeoutMs: patch.timeoutMs });
  }
  db.transaction(() => {
    const current = readRow(db);
    const next: ConfigRow = {
      url: url ?? current.url,
      username: patch.username === undefined ? current.username : patch.username.trim(),
      password_sealed: patch.clearPassword ? null : patch.password ? secrets.seal(patch.password) : current.password_sealed,
      timeout_ms: patch.timeoutMs ?? current.timeout_ms,
    };
    db.prepare(
      `INSERT INTO metabase_config (id, url, username, password_sealed, timeout_ms, updated_at)
       VALUES (1, @url, @username, @password_sealed, @timeout_ms, strftime('%Y-%m-%dT%H:%M:%fZ','now'))
       ON CONFLICT(id) DO UPDATE SET url = excluded.url, username = excluded.username, password_sealed = excluded.password_sealed,
         timeout_ms = excluded.timeout_ms, updated_at = excluded.updated_at`,
    ).run(next);
    if (next.url !== current.url || next.username !== current.username || next.password_sealed !== current.password_sealed) {
      db.prepare('DELETE FROM metabase_session').run();
    }
  })();
  return readMetabaseSettings(db);
}

/** Stored settings, optionally overlaid with a form's unsaved values (the "test connection" button). */
export function metabaseConnection(db: Db, secrets: SecretBox, overlay: MetabaseSettingsPatch = {}): MetabaseConnection {
  const row = readRow(db);
  const url = overlay.url !== undefined && overlay.url.trim() !== '' ? normaliseServerUrl(overlay.url) : row.url;
  const username = overlay.username?.trim() || row.username;
  const password = overlay.password || (row.password_sealed !== null ? secrets.open(row.password_sealed) : '');
  const missing = [!url && 'address', !username && 'user name', !password && 'password'].filter(Boolean);
  if (missing.length) {
    throw new HeraldError('SOURCE_NOT_CONFIGURED', `Metabase is not set up: enter its ${missing.join(', ')} in Settings → Data sources.`, { missing: missing.join(', ') });
  }
  return { url, username, password, timeoutMs: overlay.timeoutMs ?? row.timeout_ms };
}

export interface SessionInfo {
  active: boolean;
  loggedInAt: string | null;
  expiresAt: string | null;
}

/** The stored session of the configured account, if one is still within its 14 days. */
export function sessionInfo(db: Db, nowMs: number): SessionInfo {
  const row = readRow(db);
  const s = db.prepare('SELECT server_url, username, logged_in_at_ms FROM metabase_session WHERE id = 1').get() as
    | { server_url: string; username: string; logged_in_at_ms: number }
    | undefined;
  if (!s || s.server_url !== row.url || s.username !== row.username) return { active: false, loggedInAt: null, expiresAt: null };
  const expires = s.logged_in_at_ms + SESSION_MAX_AGE_MS;
  return { active: nowMs < expires, loggedInAt: new Date(s.logged_in_at_ms).toISOString(), expiresAt: new Date(expires).toISOString() };
}

export function clearMetabaseSession(db: Db): void {
  db.prepare('DELETE FROM metabase_session').run();
}
