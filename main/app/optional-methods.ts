import { z } from 'zod';
import type { Dispatcher } from '../api/dispatcher.js';
import { createLogger } from '../logging/logger.js';
import type { ShellLanguage } from './labels.js';
import type { TrayJob } from './tray.js';

const log = createLogger('app');

/**
 * Calls an API method by name and returns its data, or undefined when it failed. Methods other
 * capabilities provide (jobs.pauseAll, jobs.resumeAll, jobs.runNow, jobs.list) may be missing from
 * a build: that is logged once and the shell carries on without them.
 */
export function createOptionalInvoker(dispatcher: Dispatcher): (method: string, input?: unknown) => Promise<unknown> {
  const missing = new Set<string>();
  return async (method, input = {}) => {
    const result = await dispatcher.invoke(method, input);
    if (result.ok) return result.data;
    if (result.error.code === 'UNKNOWN_METHOD') {
      if (!missing.has(method)) log.warn(`${method} is not available in this build`, { method });
      missing.add(method);
    } else {
      log.error(`${method} failed`, { method, code: result.error.code, error: result.error.message });
    }
    return undefined;
  };
}

/** The part of `jobs.list` the tray reads. */
const JobsListSchema = z.object({
  jobs: z.array(z.object({ id: z.string(), title: z.object({ 'zh-CN': z.string(), en: z.string() }), enabled: z.boolean(), paused: z.boolean() })),
});

export async function listTrayJobs(invoke: (method: string, input?: unknown) => Promise<unknown>, language: ShellLanguage): Promise<TrayJob[]> {
  const data = await invoke('jobs.list');
  if (data === undefined) return [];
  const parsed = JobsListSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    log.error('jobs.list answered in an unexpected shape; the tray lists no jobs', { field: issue?.path.join('.'), error: issue?.message });
    return [];
  }
  return parsed.data.jobs.map((j) => ({ id: j.id, title: j.title[language], enabled: j.enabled, paused: j.paused }));
}
