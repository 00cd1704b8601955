import { z } from 'zod';
import type { JobDefinition, JobOptions, JobTitle, TriggerSpec } from './types.js';

/** What a capability supplies for a job: its body and the schema of its settings. */
export type JobImplementation = Pick<JobDefinition, 'body' | 'settingsSchema'>;

/** A job Herald lists and schedules but cannot run yet: a run fails saying so. */
export function notBuilt(reason: string): JobImplementation {
  return { body: { kind: 'unavailable', reason }, settingsSchema: z.object({}) };
}

/** v1's 2026 heartbeat: every 30 minutes from 08:00 to 23:30 Asia/Shanghai (spec §1.3). */
export const HEARTBEAT: TriggerSpec = { kind: 'cron', expression: '0,30 8-23 * * *' };
/** v1's PC-era main loop: every 3 minutes (spec §1.1–1.2). */
export const EVERY_3_MINUTES: TriggerSpec = { kind: 'cron', expression: '*/3 * * * *' };
export const dailyAt = (hour: number, minute: number): TriggerSpec => ({ kind: 'cron', expression: `${minute} ${hour} * * *` });

const base = { misfire: 'run-once', overlap: 'queue-one', maxCatchUp: 3 } as const;
/** Frequent jobs: one catch-up run after a sleep, a queued run at most while one is running. */
export const FREQUENT: JobOptions = { ...base, timeoutMs: 10 * 60_000 };
/** Daily reports: a missed morning is caught up once, with the missed day's scheduled time. */
export const DAILY: JobOptions = { ...base, timeoutMs: 15 * 60_000 };

export function defineJob(id: string, title: JobTitle, triggers: TriggerSpec[], options: JobOptions, implementation: JobImplementation): JobDefinition {
  return { id, title, triggers, options, ...implementation };
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const CITIES = { BJ: { zh: '北京', en: 'Beijing' }, SH: { zh: '上海', en: 'Shanghai' } } as const;

/**
 * A monthly signing campaign (issue 6's variant names, e.g. `BJ-2025-10`, `SH-2025-08b`) as the job
 * `campaign-<variant in lower case>`, every 3 minutes like v1's PC-era loop.
 */
export function campaignJob(variant: string, implementation: JobImplementation): JobDefinition {
  const match = /^(BJ|SH)-(\d{4})-(\d{2})(b?)$/.exec(variant);
  if (!match) throw new Error(`Not a campaign variant: ${variant}`);
  const [, city, year, month, late] = match as unknown as [string, 'BJ' | 'SH', string, string, string];
  const m = Number(month);
  const title: JobTitle = {
    'zh-CN': `${CITIES[city].zh} ${year}年${m}月签约活动${late ? '（8月28日起规则）' : ''}`,
    en: `${CITIES[city].en} ${MONTHS_EN[m - 1]} ${year} signing campaign${late ? ' (rules from 28 August)' : ''}`,
  };
  return defineJob(`campaign-${variant.toLowerCase()}`, title, [EVERY_3_MINUTES], FREQUENT, implementation);
}
