// 100 event-triggered jobs in plain JavaScript, so the scheduler bench can time the compiled build
// (out/main), whose worker threads load plain JavaScript only.
import { z } from 'zod';

const body = {
  kind: 'pipeline',
  inputSchema: z.object({ n: z.number() }),
  fetchInput: async (ctx) => ({ n: ctx.runId }),
  defaultPipeline: 'main',
  pipelines: { main: { id: 'main', description: 'reports when it starts', run: () => ({ records: [], messages: [], counts: { startedAt: Date.now() } }) } },
};

export const catalogue = Array.from({ length: 100 }, (_, i) => ({
  id: `bench-event-${i}`,
  title: { 'zh-CN': `bench-event-${i}`, en: `bench-event-${i}` },
  triggers: [{ kind: 'event', name: `bench-${i}` }],
  options: { timeoutMs: 60_000, misfire: 'run-once', overlap: 'queue-one', maxCatchUp: 3 },
  settingsSchema: z.object({}),
  body,
}));
