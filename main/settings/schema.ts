import { z } from 'zod';

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
const field = SettingsSchema.shape;
/**
 * A change of some settings. Built from the fields without their defaults: zod 4 applies a default
 * under `.partial()`, which would turn `{language: 'en'}` into a reset of every other setting.
 */
export const SettingsPatchSchema = z
  .object({
    language: field.language.unwrap().optional(),
    startAtLogin: field.startAtLogin.unwrap().optional(),
    backupKeep: field.backupKeep.unwrap().optional(),
    runRetentionDays: field.runRetentionDays.unwrap().optional(),
    messageRetentionDays: field.messageRetentionDays.unwrap().optional(),
    logLevel: field.logLevel.unwrap().optional(),
  } satisfies Record<keyof Settings, z.ZodType>)
  .strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;
