import type { JobVariant } from '../../helpers/jobs/herald.js';

/** Shared by the crash test and its child process. */
export const NINE = Date.parse('2026-03-02T09:00:00+08:00');
export const CRASH_VARIANTS: Record<string, JobVariant> = { rows: { triggers: [{ kind: 'cron', expression: '0 9 * * *' }] } };
