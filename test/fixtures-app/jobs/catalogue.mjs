// A job catalogue in plain JavaScript, for running the compiled build (out/main) without tsx.
import { z } from 'zod';

export const catalogue = [
  {
    id: 'compiled',
    title: { 'zh-CN': '编译版测试任务', en: 'Compiled-build test job' },
    triggers: [],
    options: { timeoutMs: 20_000, misfire: 'run-once', overlap: 'queue-one', maxCatchUp: 1 },
    settingsSchema: z.object({}),
    body: {
      kind: 'pipeline',
      inputSchema: z.object({ values: z.array(z.number()) }),
      fetchInput: async () => ({ values: [] }),
      defaultPipeline: 'main',
      pipelines: {
        main: {
          id: 'main',
          description: 'writes its input values',
          run(store, input, ctx) {
            const insert = store.prepare('INSERT INTO compiled_rows (value) VALUES (?)');
            for (const v of input.values) insert.run(v);
            ctx.progress(input.values.length, input.values.length);
            return {
              records: [],
              messages: [{ businessType: 'test.compiled', businessId: String(ctx.runId), recipient: 'test', content: { kind: 'text', text: 'hi' } }],
              counts: { rows: input.values.length },
            };
          },
        },
      },
    },
  },
];
