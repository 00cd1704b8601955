import { z } from 'zod';
import type { JobDefinition, PipelineJob, TriggerSpec } from '../../main/jobs/types.js';

/**
 * 1,000 jobs for the scheduler bench: 900 on cron triggers of v1's shapes in three zones, 100 on
 * events. Workers import this module; `fetchStarts` is filled on the main thread.
 */
export const fetchStarts = new Map<number, number>();

const EXPRESSIONS = ['*/3 * * * *', '0,30 8-23 * * *', '0 9 * * *', '30 8 * * *', '*/10 * * * * *'];
const ZONES = ['Asia/Shanghai', 'Europe/Berlin', 'America/New_York'];

const body: PipelineJob<{ n: number }> = {
  kind: 'pipeline',
  inputSchema: z.object({ n: z.number() }),
  fetchInput: async (ctx) => {
    fetchStarts.set(ctx.runId, performance.now());
    return { n: ctx.runId };
  },
  defaultPipeline: 'main',
  pipelines: {
    main: { id: 'main', description: 'reports when it starts', run: () => ({ records: [], messages: [], counts: { startedAt: Date.now() } }) },
  },
};

const job = (id: string, trigger: TriggerSpec): JobDefinition => ({
  id,
  title: { 'zh-CN': id, en: id },
  triggers: [trigger],
  options: { timeoutMs: 60_000, misfire: 'run-once', overlap: 'queue-one', maxCatchUp: 3 },
  settingsSchema: z.object({}),
  body: body as PipelineJob<never>,
});

export const CRON_JOBS = 900;
export const EVENT_JOBS = 100;

export const catalogue: JobDefinition[] = [
  ...Array.from({ length: CRON_JOBS }, (_, i) => job(`bench-cron-${i}`, { kind: 'cron', expression: EXPRESSIONS[i % EXPRESSIONS.length]!, timeZone: ZONES[i % ZONES.length]! })),
  ...Array.from({ length: EVENT_JOBS }, (_, i) => job(`bench-event-${i}`, { kind: 'event', name: `bench-${i}` })),
];
