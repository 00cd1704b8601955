import type { Dispatcher } from '../api/dispatcher.js';
import type { MethodInput, MethodName, MethodOutput } from '../api/contract/index.js';
import { createLogger } from '../logging/logger.js';
import { shellLabels, type ShellLanguage } from './labels.js';
import type { TrayJob, TrayMode, TrayShadowJob } from './tray.js';

const log = createLogger('app');

export type ShellCall = <M extends MethodName>(method: M, input?: MethodInput<M>) => Promise<MethodOutput<M> | undefined>;

/**
 * The tray's API calls go through the same dispatcher as the window's, typed by the contract.
 * A failure is logged and answered with undefined: a tray click has nobody to show an error to
 * but the log (the window shows its own errors).
 */
export function createShellCall(dispatcher: Dispatcher): ShellCall {
  return async (method, input) => {
    const result = await dispatcher.invoke(method, input ?? {});
    if (result.ok) return result.data as MethodOutput<typeof method>;
    log.error(`${method} failed`, { method, code: result.error.code, error: result.error.message });
    return undefined;
  };
}

export async function listTrayJobs(call: ShellCall, language: ShellLanguage): Promise<TrayJob[]> {
  const data = await call('jobs.list');
  return (data?.jobs ?? []).map((j) => ({ id: j.id, title: j.title[language], enabled: j.enabled, paused: j.paused }));
}

/** Jobs whose mode the tray can switch: two pipelines at least (an external command counts). */
export async function listTrayShadowJobs(call: ShellCall, language: ShellLanguage): Promise<TrayShadowJob[]> {
  const data = await call('shadow.jobs');
  return (data?.jobs ?? []).filter((j) => j.pipelines.length >= 2).map((j) => ({ id: j.jobId, title: j.title?.[language] ?? j.jobId, mode: j.mode }));
}

/**
 * Switches a job's mode from the tray (`via: 'tray'`, recorded in the migration history). Shadow
 * and candidate need a candidate: the job's own, else its first pipeline other than the control.
 */
export async function setTrayMode(call: ShellCall, jobId: string, mode: TrayMode, language: ShellLanguage): Promise<void> {
  const job = (await call('shadow.jobs'))?.jobs.find((j) => j.jobId === jobId);
  if (!job) return;
  const candidate = job.candidatePipeline ?? job.pipelines.find((p) => p !== job.controlPipeline);
  await call('shadow.setMode', { jobId, mode, ...(mode !== 'control' && candidate ? { candidatePipeline: candidate } : {}), reason: shellLabels(language).modeSwitchReason, via: 'tray' });
}
