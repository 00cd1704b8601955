import type { Migration } from './types.js';

export const shadowSchema: Migration = {
  version: 500,
  name: 'shadow: modes per job, migration history, shadow runs and their diffs',
  up: `
    CREATE TABLE shadow_jobs (
      job_id TEXT PRIMARY KEY,
      mode TEXT NOT NULL DEFAULT 'control' CHECK (mode IN ('control', 'shadow', 'candidate')),
      control_pipeline TEXT NOT NULL,
      candidate_pipeline TEXT,
      -- The pipeline whose state tables the live store holds (changes hands when another goes live).
      state_holder TEXT NOT NULL,
      planned_order INTEGER,
      config TEXT NOT NULL DEFAULT '{}',
      -- Bumped by every change: a run's snapshot names the version it ran under.
      version INTEGER NOT NULL DEFAULT 1,
      updated_at TEXT NOT NULL
    );
    -- The job's migration history: every switch of mode or pipelines, with why and by whom.
    CREATE TABLE shadow_mode_changes (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      job_id TEXT NOT NULL,
      at TEXT NOT NULL,
      from_mode TEXT,
      to_mode TEXT NOT NULL,
      from_control TEXT,
      to_control TEXT NOT NULL,
      from_candidate TEXT,
      to_candidate TEXT,
      reason TEXT NOT NULL,
      actor TEXT NOT NULL,
      triggers TEXT
    );
    CREATE INDEX shadow_mode_changes_job ON shadow_mode_changes (job_id, id);
    CREATE TABLE shadow_runs (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      job_id TEXT NOT NULL,
      run_id INTEGER,
      mode TEXT NOT NULL CHECK (mode IN ('shadow', 'candidate')),
      live_side TEXT NOT NULL CHECK (live_side IN ('control', 'candidate')),
      control_pipeline TEXT NOT NULL,
      candidate_pipeline TEXT NOT NULL,
      scheduled_at TEXT NOT NULL,
      started_at TEXT NOT NULL,
      started_ms INTEGER NOT NULL,
      finished_at TEXT NOT NULL,
      cores INTEGER NOT NULL,
      control TEXT,
      candidate TEXT,
      counts TEXT,
      consistency REAL,
      consistent INTEGER,
      noise_calibrated INTEGER NOT NULL DEFAULT 0,
      triggers TEXT NOT NULL DEFAULT '[]',
      rolled_back INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX shadow_runs_job ON shadow_runs (job_id, started_ms);
    CREATE TABLE shadow_run_diffs (
      shadow_run_id INTEGER PRIMARY KEY REFERENCES shadow_runs (id) ON DELETE CASCADE,
      diff TEXT NOT NULL
    );
  `,
};
