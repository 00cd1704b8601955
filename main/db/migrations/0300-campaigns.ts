import type { Migration } from './types.js';

/**
 * Campaign state. `campaign_ledger` is the file era's PerformanceData CSV (one row per recorded
 * contract, the CSV row as v1 wrote it); `campaign_performance_data` mirrors v1's `performance_data`
 * table of the database era (spec §8.2), so either can be exported in v1's own columns.
 */
export const campaignsSchema: Migration = {
  version: 300,
  name: 'campaigns: ledger rows and performance data',
  up: `
    CREATE TABLE campaign_ledger (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      activity_code TEXT NOT NULL,
      contract_id TEXT NOT NULL,
      header TEXT NOT NULL,
      row_json TEXT NOT NULL,
      created_at TEXT NOT NULL,
      UNIQUE (activity_code, contract_id)
    );
    CREATE INDEX idx_campaign_ledger_activity ON campaign_ledger (activity_code);
    CREATE TABLE campaign_performance_data (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      activity_code TEXT NOT NULL,
      contract_id TEXT NOT NULL,
      housekeeper TEXT NOT NULL,
      service_provider TEXT,
      contract_amount REAL NOT NULL,
      performance_amount REAL NOT NULL,
      paid_amount REAL DEFAULT 0,
      project_id TEXT,
      order_type TEXT DEFAULT 'platform',
      contract_sequence INTEGER DEFAULT 0,
      reward_types TEXT,
      reward_names TEXT,
      is_historical INTEGER DEFAULT 0,
      notification_sent INTEGER DEFAULT 0,
      remarks TEXT DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      extensions TEXT,
      project_address TEXT NOT NULL DEFAULT '',
      UNIQUE (activity_code, contract_id)
    );
    CREATE INDEX idx_campaign_performance_activity ON campaign_performance_data (activity_code);
  `,
};
