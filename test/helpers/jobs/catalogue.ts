import { z } from 'zod';
import type { JobDefinition, JobOptions, PipelineJob } from '../../../main/jobs/types.js';

/**
 * Test-only jobs. Workers import this module (it must stay free of vitest) to find the bodies;
 * tests schedule variants of them with their own triggers and options (see `testCatalogue`).
 */
const RowsSettings = z.object({
  /** How many business rows the pipeline writes. */
  rows: z.number().int().min(0).default(3),
  /** Messages the pipeline returns (enqueued with the rows). */
  messages: z.number().int().min(0).default(1),
  /** Hold the transaction open this long after writing (a slow pipeline), in ms. */
  holdMs: z.number().int().min(0).default(0),
  /** Throw after writing the rows. */
  fail: z.boolean().default(false),
  /** Delay of fetchInput, in ms (it honours the abort signal). */
  fetchMs: z.number().int().min(0).default(0),
});

const RowsInput = z.object({ values: z.array(z.number()) });
type RowsInput = z.infer<typeof RowsInput>;

function sleepSync(ms: number): void {
  if (ms > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function abortable(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new Error('fetch aborted'));
    });
  });
}

const rowsBody: PipelineJob<RowsInput> = {
  kind: 'pipeline',
  inputSchema: RowsInput,
  async fetchInput(ctx) {
    const s = RowsSettings.parse(ctx.settings);
    ctx.log.info('fetching test rows', { rows: s.rows });
    await abortable(s.fetchMs, ctx.signal);
    return { values: Array.from({ length: s.rows }, (_, i) => i + 1) };
  },
  defaultPipeline: 'main',
  pipelines: {
    main: {
      id: 'main',
      description: 'writes one business row per input value',
      run(store, input, ctx) {
        const s = RowsSettings.parse(ctx.settings);
        const insert = store.prepare('INSERT INTO test_business (run_id, job_id, value, scheduled_at) VALUES (?, ?, ?, ?)');
        input.values.forEach((v, i) => {
          insert.run(ctx.runId, ctx.jobId, v, ctx.scheduledAt.getTime());
          ctx.progress(i + 1, input.values.length, 'writing');
        });
        ctx.log.info('rows written', { rows: input.values.length });
        if (input.values.length === 0) ctx.warn('empty input: nothing to do');
        sleepSync(s.holdMs);
        if (s.fail) throw new Error('the test pipeline failed on purpose');
        const messages = Array.from({ length: s.messages }, (_, i) => ({
          businessType: 'test.rows',
          businessId: `${ctx.jobId}:${ctx.scheduledAt.toISOString()}:${i}`,
          recipient: 'test-group',
          content: { kind: 'text' as const, text: `rows ${input.values.length}` },
        }));
        return {
          records: input.values.map((v) => ({ key: String(v), fields: { value: v } })),
          messages,
          counts: { rows: input.values.length },
          summary: { key: 'test.rows', params: { rows: input.values.length } },
        };
      },
    },
  },
};

export const testOptions: JobOptions = { timeoutMs: 20_000, misfire: 'run-once', overlap: 'queue-one', maxCatchUp: 3 };

const rowsJob = (id: string): JobDefinition => ({
  id,
  title: { 'zh-CN': `测试任务 ${id}`, en: `Test job ${id}` },
  triggers: [{ kind: 'cron', expression: '0 9 * * *' }],
  options: testOptions,
  settingsSchema: RowsSettings,
  body: rowsBody as PipelineJob<never>,
});

export const catalogue: JobDefinition[] = [
  rowsJob('rows'),
  rowsJob('rows-2'),
  rowsJob('rows-3'),
  rowsJob('rows-4'),
  // Its event payload is its input: `{ values: number[] }`.
  { ...rowsJob('on-event'), triggers: [{ kind: 'event', name: 'data-updated' }] },
  {
    id: 'not-built',
    title: { 'zh-CN': '未实现的任务', en: 'Job not built' },
    triggers: [{ kind: 'cron', expression: '0 9 * * *' }],
    options: testOptions,
    settingsSchema: z.object({}),
    body: { kind: 'unavailable', reason: 'waiting for issue 99' },
  },
];
