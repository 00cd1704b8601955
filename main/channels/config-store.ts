import {
  CHANNEL_SECRET_FIELDS,
  ChannelSettingsSchemas,
  DEFAULT_RETRY_POLICY,
  InterruptedPolicySchema,
  RetryPolicySchema,
  SendingWindowSchema,
  type ChannelType,
  type InterruptedPolicy,
  type RetryPolicy,
  type SendingWindow,
} from '../api/contract/channel-model.js';
import type { Db } from '../db/open.js';
import { maskSecret, type SecretBox } from '../db/secrets.js';
import { HeraldError } from '../shared/errors.js';
import type { ChannelRuntimeConfig } from './types.js';
import { bumpConfigVersion } from '../outbox/control.js';

export interface ChannelConfigRecord extends ChannelRuntimeConfig {
  retry: RetryPolicy;
  window: SendingWindow | null;
  onInterrupted: InterruptedPolicy;
  updatedAt: number;
  /** Set when the stored secrets cannot be opened with this installation's key. */
  secretError?: string;
}

interface Row {
  type: ChannelType;
  enabled: number;
  settings: string;
  secrets: string | null;
  retry_policy: string;
  sending_window: string | null;
  on_interrupted: string;
  updated_at: number;
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A stored value that no longer validates falls back to the defaults rather than blocking delivery. */
function settingsFrom(type: ChannelType, stored: string): Record<string, unknown> {
  const schema = ChannelSettingsSchemas[type];
  const parsed = schema.safeParse(parseJson(stored) ?? {});
  return parsed.success ? parsed.data : schema.parse({});
}

function toRecord(row: Row, box: SecretBox): ChannelConfigRecord {
  let secrets: Record<string, string> = {};
  let secretError: string | undefined;
  if (row.secrets) {
    try {
      secrets = JSON.parse(box.open(row.secrets)) as Record<string, string>;
    } catch (err) {
      secretError = (err as Error).message;
    }
  }
  const retry = RetryPolicySchema.safeParse(parseJson(row.retry_policy));
  const window = row.sending_window ? SendingWindowSchema.safeParse(parseJson(row.sending_window)) : undefined;
  return {
    type: row.type,
    enabled: row.enabled === 1,
    settings: settingsFrom(row.type, row.settings),
    secrets,
    retry: retry.success ? retry.data : DEFAULT_RETRY_POLICY,
    window: window?.success ? window.data : null,
    onInterrupted: InterruptedPolicySchema.safeParse(row.on_interrupted).data ?? 'hold',
    updatedAt: row.updated_at,
    ...(secretError ? { secretError } : {}),
  };
}

export function loadChannelConfigs(db: Db, box: SecretBox): Record<ChannelType, ChannelConfigRecord> {
  const rows = db.prepare('SELECT * FROM channel_configs').all() as Row[];
  const out = {} as Record<ChannelType, ChannelConfigRecord>;
  for (const row of rows) out[row.type] = toRecord(row, box);
  return out;
}

export function loadChannelConfig(db: Db, box: SecretBox, type: ChannelType): ChannelConfigRecord {
  const row = db.prepare('SELECT * FROM channel_configs WHERE type = ?').get(type) as Row | undefined;
  if (!row) throw new HeraldError('CHANNEL_NOT_FOUND', `There is no channel ${type}.`, { channel: type });
  return toRecord(row, box);
}

export interface ChannelConfigPatch {
  enabled?: boolean;
  settings?: Record<string, unknown>;
  /** Secret fields to set; an empty string clears one; absent ones keep their value. */
  secrets?: Record<string, string>;
  retry?: RetryPolicy;
  window?: SendingWindow | null;
  onInterrupted?: InterruptedPolicy;
}

export function updateChannelConfig(db: Db, box: SecretBox, type: ChannelType, patch: ChannelConfigPatch, now: number): ChannelConfigRecord {
  return db.transaction(() => {
    const current = loadChannelConfig(db, box, type);
    const settingsParsed = ChannelSettingsSchemas[type].safeParse({ ...current.settings, ...(patch.settings ?? {}) });
    if (!settingsParsed.success) {
      const issue = settingsParsed.error.issues[0];
      throw new HeraldError('CHANNEL_SETTINGS_INVALID', `The ${type} setting "${issue?.path.join('.')}" is invalid: ${issue?.message}`, { channel: type, field: issue?.path.join('.') ?? '' });
    }
    const allowed = CHANNEL_SECRET_FIELDS[type];
    const secrets = { ...current.secrets };
    for (const [key, value] of Object.entries(patch.secrets ?? {})) {
      if (!allowed.includes(key)) throw new HeraldError('CHANNEL_SECRET_UNKNOWN', `${type} has no secret field "${key}".`, { channel: type, field: key });
      if (value === '') delete secrets[key];
      else secrets[key] = value;
    }
    db.prepare(
      `UPDATE channel_configs SET enabled = ?, settings = ?, secrets = ?, retry_policy = ?, sending_window = ?, on_interrupted = ?, updated_at = ? WHERE type = ?`,
    ).run(
      (patch.enabled ?? current.enabled) ? 1 : 0,
      JSON.stringify(settingsParsed.data),
      Object.keys(secrets).length ? box.seal(JSON.stringify(secrets)) : null,
      JSON.stringify(patch.retry ?? current.retry),
      patch.window === undefined ? (current.window ? JSON.stringify(current.window) : null) : patch.window ? JSON.stringify(patch.window) : null,
      patch.onInterrupted ?? current.onInterrupted,
      now,
      type,
    );
    bumpConfigVersion(db);
    return loadChannelConfig(db, box, type);
  })();
}

/** What the API shows of a configuration: settings, and for each secret only whether it is set and its mask. */
export function maskedChannelConfig(record: ChannelConfigRecord) {
  return {
    type: record.type,
    enabled: record.enabled,
    settings: record.settings,
    secrets: Object.fromEntries(CHANNEL_SECRET_FIELDS[record.type].map((f) => [f, { set: Boolean(record.secrets[f]), masked: maskSecret(record.secrets[f]) }])),
    retry: record.retry,
    window: record.window,
    onInterrupted: record.onInterrupted,
    updatedAt: record.updatedAt,
    ...(record.secretError ? { secretError: record.secretError } : {}),
  };
}
