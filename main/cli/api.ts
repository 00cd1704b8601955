import type { Herald } from '../core/herald.js';
import type { MethodInput, MethodName, MethodOutput } from '../api/contract/index.js';
import { createDispatcher } from '../api/dispatcher.js';
import { createHandlers } from '../api/handlers/index.js';
import { HeraldError, type ErrorContext } from '../shared/errors.js';

export type ApiCall = <M extends MethodName>(method: M, input?: MethodInput<M>) => Promise<MethodOutput<M>>;

/**
 * The API the UI uses, called in-process: the CLI goes through the same contract, validation and
 * handlers, so a command and a button cannot disagree. An error result is thrown as a HeraldError.
 */
export function apiOf(herald: Herald): ApiCall {
  const dispatcher = createDispatcher(createHandlers(herald, { openPath: () => Promise.resolve(false) }));
  return async (method, input) => {
    const result = await dispatcher.invoke(method, input ?? {});
    if (!result.ok) throw new HeraldError(result.error.code, result.error.message, (result.error.context ?? {}) as ErrorContext);
    return result.data as MethodOutput<typeof method>;
  };
}
