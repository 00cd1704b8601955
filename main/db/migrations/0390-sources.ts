import type { Migration } from './types.js';

/**
 * Data sources (range 390–399 of the campaigns/sources block; campaigns use 300–389).
 * `metabase_config` is one row: the server and account the office entered (password sealed with the
 * installation key). `metabase_session` is v1's `metabase_session.json`: the token and the login
 * time, so a session is reused for 14 days across restarts; it belongs to one server + account and
 * is dropped when either changes. `source_cards` holds the card ids the office changed; the defaults
 * (spec §2.2) live in code, so a new Herald can add jobs without a migration.
 */
export const sourcesSchema: Migration = {
  version: 390,
  name: 'sources: Metabase configuration, session and card ids',
  up: `
    CREATE TABLE metabase_config (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      url TEXT NOT NULL DEFAULT '',
      username TEXT NOT NULL DEFAULT '',
      password_sealed TEXT,
      timeout_ms INTEGER NOT NULL DEFAULT 30000 CHECK (timeout_ms > 0),
      updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
    );
    CREATE TABLE metabase_session (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      server_url TEXT NOT NULL,
      username TEXT NOT NULL,
      token_sealed TEXT NOT NULL,
      logged_in_at_ms INTEGER NOT NULL
    );
    CREATE TABLE source_cards (
      job_id TEXT PRIMARY KEY,
      card_id INTEGER NOT NULL CHECK (card_id > 0),
      updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
    );
  `,
};
