import type { Migration } from './types.js';

/**
 * Jobs, triggers and run history. Times are epoch milliseconds (UTC instants); the UI shows them in
 * Asia/Shanghai. `runs.id` never repeats (AUTOINCREMENT), so a run number in a log or a message
 * stays unambiguous after retention pruned older runs.
 */
export const jobsTriggersRuns: Migration = {
  version: 100,
  name: 'jobs: settings, triggers, runs, run logs, input snapshots, daily summaries',
  up: `
    CREATE TABLE job_settings (
      job_id TEXT PRIMARY KEY,
      enabled INTEGER NOT NULL DEFAULT 0,
      paused INTEGER NOT NULL DEFAULT 0,
      triggers TEXT,
      settings TEXT,
      updated_at INTEGER NOT NULL
    );

    CREATE TABLE jobs_meta (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    );

    CREATE TABLE triggers (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      job_id TEXT NOT NULL,
      position INTEGER NOT NULL,
      spec TEXT NOT NULL,
      next_run_at INTEGER,
      last_fired_at INTEGER,
      UNIQUE (job_id, position)
    );
    CREATE INDEX triggers_next_run ON triggers (next_run_at) WHERE next_run_at IS NOT NULL;

    CREATE TABLE run_inputs (
      ref TEXT PRIMARY KEY,
      data BLOB NOT NULL,
      size_bytes INTEGER NOT NULL,
      created_at INTEGER NOT NULL
    );

    CREATE TABLE runs (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      job_id TEXT NOT NULL,
      trigger_kind TEXT NOT NULL CHECK (trigger_kind IN ('cron', 'interval', 'event', 'manual', 'catch-up', 'rerun')),
      trigger_id INTEGER,
      event_name TEXT,
      scheduled_at INTEGER NOT NULL,
      created_at INTEGER NOT NULL,
      started_at INTEGER,
      finished_at INTEGER,
      duration_ms INTEGER,
      status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'timed-out', 'skipped', 'cancelled', 'interrupted')),
      pipeline TEXT,
      input_ref TEXT REFERENCES run_inputs (ref),
      rerun_of INTEGER,
      error_code TEXT,
      error_message TEXT,
      error_stack TEXT,
      error_context TEXT,
      counts TEXT,
      summary TEXT,
      progress TEXT,
      records INTEGER,
      messages INTEGER,
      messages_new INTEGER,
      warnings INTEGER NOT NULL DEFAULT 0,
      peak_heap_bytes INTEGER,
      peak_rss_bytes INTEGER,
      committed_at INTEGER
    );
    CREATE INDEX runs_job ON runs (job_id, id);
    CREATE INDEX runs_status ON runs (status, id);
    CREATE INDEX runs_created ON runs (created_at);
    CREATE INDEX runs_input ON runs (input_ref) WHERE input_ref IS NOT NULL;

    CREATE TABLE run_logs (
      run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
      seq INTEGER NOT NULL,
      at INTEGER NOT NULL,
      level TEXT NOT NULL,
      message TEXT NOT NULL,
      context TEXT,
      PRIMARY KEY (run_id, seq)
    );

    CREATE TABLE run_daily_summaries (
      job_id TEXT NOT NULL,
      day TEXT NOT NULL,
      runs INTEGER NOT NULL,
      by_status TEXT NOT NULL,
      total_duration_ms INTEGER NOT NULL,
      max_duration_ms INTEGER NOT NULL,
      counts TEXT NOT NULL,
      PRIMARY KEY (job_id, day)
    );
  `,
};
