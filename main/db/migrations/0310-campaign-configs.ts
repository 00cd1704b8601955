import type { Migration } from './types.js';

/**
 * Campaign configuration versions (Settings → Campaigns). Version 1 of every campaign is the
 * configuration Herald ships (spec Appendix A) and is not stored; each edit stores the whole
 * editable document as the next version, with who changed it, when, why and which fields — the
 * pipelines read the newest version at the start of each run.
 */
export const campaignConfigsSchema: Migration = {
  version: 310,
  name: 'campaigns: configuration versions',
  up: `
    CREATE TABLE campaign_config_versions (
      variant TEXT NOT NULL,
      version INTEGER NOT NULL CHECK (version > 1),
      config_json TEXT NOT NULL,
      author TEXT NOT NULL,
      note TEXT NOT NULL DEFAULT '',
      changed_fields TEXT NOT NULL DEFAULT '[]',
      created_at INTEGER NOT NULL,
      PRIMARY KEY (variant, version)
    );
  `,
};
