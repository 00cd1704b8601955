import { z } from 'zod';
import { patchSchema } from '../shared/patch-schema.js';

/**
 * Application-wide settings, stored one key per row in `settings`. Capabilities with richer
 * configuration (channels, campaigns, jobs) keep it in their own tables.
 */
export const SettingsSchema = z.object({
  language: z.enum(['zh-CN', 'en']).default('zh-CN'),
  startAtLogin: z.boolean().default(false),
  backupKeep: z.number().int().min(1).max(100).default(7),
  runRetentionDays: z.number().int().min(1).max(3650).default(180),
  messageRetentionDays: z.number().int().min(1).max(3650).default(180),
  logLevel: z.enum(['error', 'warn', 'info', 'debug']).default('info'),
});
export type Settings = z.infer<typeof SettingsSchema>;
/** Only the keys a change names are written (zod's `.partial()` would write every default too). */
export const SettingsPatchSchema = patchSchema(SettingsSchema).strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;
