import type { Db } from '../../db/open.js';
import { HeraldError } from '../../shared/errors.js';
import type { Campaign } from '../configs/index.js';
import { getCampaign } from '../configs/index.js';
import type { CampaignSettings } from '../configs/settings.js';
import { applySettings, changedFields, parseCampaignSettings, settingsOf } from '../configs/settings.js';

/**
 * Campaign configuration versions (`campaign_config_versions`). Version 1 is the shipped
 * configuration (not stored); an edit stores the whole editable document as the next version.
 * A run reads the newest version from its own store when it starts.
 */

export interface ConfigVersion {
  version: number;
  /** Who changed it; `herald` for the shipped version 1. */
  author: string;
  note: string;
  changedFields: string[];
  /** Epoch ms; null for the shipped version. */
  createdAt: number | null;
  settings: CampaignSettings;
}

interface Row {
  version: number;
  config_json: string;
  author: string;
  note: string;
  changed_fields: string;
  created_at: number;
}

function shipped(variantId: string): ConfigVersion {
  return { version: 1, author: 'herald', note: '', changedFields: [], createdAt: null, settings: settingsOf(getCampaign(variantId)) };
}

function fromRow(variantId: string, row: Row): ConfigVersion {
  let data: unknown;
  try {
    data = JSON.parse(row.config_json);
  } catch {
    throw new HeraldError('CAMPAIGN_CONFIG_INVALID', `Configuration version ${row.version} of campaign ${variantId} is not readable JSON.`, { variant: variantId, version: row.version });
  }
  return {
    version: row.version,
    author: row.author,
    note: row.note,
    changedFields: JSON.parse(row.changed_fields) as string[],
    createdAt: row.created_at,
    settings: parseCampaignSettings(variantId, data, row.version),
  };
}

function latestRow(db: Db, variantId: string): Row | undefined {
  return db.prepare('SELECT * FROM campaign_config_versions WHERE variant = ? ORDER BY version DESC LIMIT 1').get(variantId) as Row | undefined;
}

/** The newest version (the shipped one when nothing was edited). Unknown variant or invalid stored version: an error naming it. */
export function currentConfig(db: Db, variantId: string): ConfigVersion {
  getCampaign(variantId);
  const row = latestRow(db, variantId);
  return row ? fromRow(variantId, row) : shipped(variantId);
}

/** The campaign as its newest configuration makes it — what a run uses. */
export function currentCampaign(db: Db, variantId: string): Campaign {
  const base = getCampaign(variantId);
  const row = latestRow(db, variantId);
  return row ? applySettings(base, fromRow(variantId, row).settings) : base;
}

/** Every version, newest first, ending with the shipped version 1. A stored version that no longer validates is listed with its error. */
export function configHistory(db: Db, variantId: string): Array<Omit<ConfigVersion, 'settings'> & { problem: string | null }> {
  const rows = db.prepare('SELECT * FROM campaign_config_versions WHERE variant = ? ORDER BY version DESC').all(variantId) as Row[];
  const { settings: _s, ...first } = shipped(variantId);
  return [
    ...rows.map((r) => {
      let problem: string | null = null;
      try {
        fromRow(variantId, r);
      } catch (err) {
        problem = (err as Error).message;
      }
      return { version: r.version, author: r.author, note: r.note, changedFields: JSON.parse(r.changed_fields) as string[], createdAt: r.created_at, problem };
    }),
    { ...first, problem: null },
  ];
}

export function configVersion(db: Db, variantId: string, version: number): ConfigVersion {
  if (version === 1) return shipped(variantId);
  getCampaign(variantId);
  const row = db.prepare('SELECT * FROM campaign_config_versions WHERE variant = ? AND version = ?').get(variantId, version) as Row | undefined;
  if (!row) throw new HeraldError('CAMPAIGN_CONFIG_VERSION_NOT_FOUND', `Campaign ${variantId} has no configuration version ${version}.`, { variant: variantId, version });
  return fromRow(variantId, row);
}

export interface SaveConfig {
  variantId: string;
  settings: unknown;
  author: string;
  note: string;
  /** The version the person edited: saving over a newer one is refused (someone else saved meanwhile). */
  baseVersion?: number;
  now: number;
}

/** Validates and stores the next version; nothing is stored when the document is invalid or unchanged. */
export function saveConfig(db: Db, input: SaveConfig): ConfigVersion {
  const { variantId } = input;
  const settings = parseCampaignSettings(variantId, input.settings);
  return db.transaction(() => {
    const latest = db.prepare('SELECT MAX(version) AS v FROM campaign_config_versions WHERE variant = ?').get(variantId) as { v: number | null };
    const currentVersion = latest.v ?? 1;
    if (input.baseVersion !== undefined && input.baseVersion !== currentVersion) {
      throw new HeraldError(
        'CAMPAIGN_CONFIG_CONFLICT',
        `Campaign ${variantId} was changed meanwhile (now version ${currentVersion}, you edited version ${input.baseVersion}); reload and edit again.`,
        { variant: variantId, version: currentVersion, baseVersion: input.baseVersion },
      );
    }
    const before = currentVersion === 1 ? shipped(variantId).settings : configVersion(db, variantId, currentVersion).settings;
    const changed = changedFields(before, settings);
    if (changed.length === 0) {
      throw new HeraldError('CAMPAIGN_CONFIG_UNCHANGED', `The configuration of campaign ${variantId} is the same as version ${currentVersion}; nothing was saved.`, { variant: variantId, version: currentVersion });
    }
    const version = currentVersion + 1;
    db.prepare('INSERT INTO campaign_config_versions (variant, version, config_json, author, note, changed_fields, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      variantId,
      version,
      JSON.stringify(settings),
      input.author,
      input.note,
      JSON.stringify(changed),
      input.now,
    );
    return { version, author: input.author, note: input.note, changedFields: changed, createdAt: input.now, settings };
  })();
}
