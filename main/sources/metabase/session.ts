import type { Db } from '../../db/open.js';
import type { SecretBox } from '../../db/secrets.js';
import type { Logger } from '../../logging/logger.js';

/**
 * Where a Metabase session lives between queries — v1's `metabase_session.json` (`{id, timestamp}`).
 * A session belongs to one server and one user; asking for another gives nothing.
 */
export interface StoredSession {
  token: string;
  /** When the login happened (epoch ms of the Herald clock): the session is reused for 14 days. */
  loggedInAtMs: number;
}

export interface SessionStore {
  load(server: string, username: string): StoredSession | undefined;
  save(server: string, username: string, session: StoredSession): void;
  clear(): void;
}

/** v1's SESSION_DURATION: 14 days. */
export const SESSION_MAX_AGE_MS = 14 * 24 * 60 * 60 * 1000;

/** For one-off clients (the "test connection" button): always a fresh login, nothing stored. */
export function memorySessionStore(): SessionStore {
  let current: { server: string; username: string; session: StoredSession } | undefined;
  return {
    load: (server, username) => (current && current.server === server && current.username === username ? current.session : undefined),
    save: (server, username, session) => {
      current = { server, username, session };
    },
    clear: () => {
      current = undefined;
    },
  };
}

/**
 * The session in the database (table `metabase_session`, one row), its token sealed with the
 * installation key, so that a restart or the CLI reuses it like v1 reused its file. `db` is a getter
 * because a restore reopens the database.
 */
export function databaseSessionStore(db: () => Db, secrets: () => SecretBox, log?: Logger): SessionStore {
  return {
    load(server, username) {
      const row = db().prepare('SELECT server_url, username, token_sealed, logged_in_at_ms FROM metabase_session WHERE id = 1').get() as
        | { server_url: string; username: string; token_sealed: string; logged_in_at_ms: number }
        | undefined;
      if (!row || row.server_url !== server || row.username !== username) return undefined;
      try {
        return { token: secrets().open(row.token_sealed), loggedInAtMs: row.logged_in_at_ms };
      } catch (err) {
        log?.warn('The stored Metabase session cannot be decrypted; logging in again', { error: (err as Error).message });
        return undefined;
      }
    },
    save(server, username, session) {
      db()
        .prepare(
          `INSERT INTO metabase_session (id, server_url, username, token_sealed, logged_in_at_ms) VALUES (1, ?, ?, ?, ?)
           ON CONFLICT(id) DO UPDATE SET server_url = excluded.server_url, username = excluded.username,
             token_sealed = excluded.token_sealed, logged_in_at_ms = excluded.logged_in_at_ms`,
        )
        .run(server, username, secrets().seal(session.token), session.loggedInAtMs);
    },
    clear() {
      db().prepare('DELETE FROM metabase_session').run();
    },
  };
}
