import type { Db } from '../db/open.js';
import { SettingsSchema, SettingsPatchSchema, type Settings, type SettingsPatch } from './schema.js';

export function readSettings(db: Db): Settings {
  const rows = db.prepare('SELECT key, value FROM settings').all() as Array<{ key: string; value: string }>;
  const raw: Record<string, unknown> = {};
  for (const row of rows) {
    if (row.key in SettingsSchema.shape) raw[row.key] = JSON.parse(row.value);
  }
  // A stored value that no longer validates falls back to its default instead of blocking start-up.
  const parsed = SettingsSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const clean: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const field = SettingsSchema.shape[key as keyof Settings];
    if (field.safeParse(value).success) clean[key] = value;
  }
  return SettingsSchema.parse(clean);
}

export function writeSettings(db: Db, patch: SettingsPatch): Settings {
  const valid = SettingsPatchSchema.parse(patch);
  const upsert = db.prepare(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%fZ','now'))
     ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  );
  db.transaction(() => {
    for (const [key, value] of Object.entries(valid)) {
      if (value !== undefined) upsert.run(key, JSON.stringify(value));
    }
  })();
  return readSettings(db);
}
