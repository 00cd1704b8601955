import type { Dispatcher } from '../api/dispatcher.js';
import type { MethodInput, MethodName, MethodOutput } from '../api/contract/index.js';
import { createLogger } from '../logging/logger.js';
import type { ShellLanguage } from './labels.js';
import type { TrayJob } from './tray.js';

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
