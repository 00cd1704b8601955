import type { z } from 'zod';
import { contract, type Contract, type MethodName } from './contract/index.js';
import type { ApiError, ApiResult } from './contract/define.js';
import { HeraldError } from '../shared/errors.js';
import { createLogger } from '../logging/logger.js';

export type Handler<M extends MethodName> = (input: z.output<Contract[M]['input']>) => Promise<z.input<Contract[M]['output']>> | z.input<Contract[M]['output']>;
export type HandlerMap = { [M in MethodName]: Handler<M> };
export type HandlersOf<T> = { [M in keyof T & MethodName]: Handler<M> };

const log = createLogger('api');

export interface Dispatcher {
  invoke(method: string, rawInput: unknown): Promise<ApiResult<unknown>>;
}

function describeIssues(error: z.ZodError): { message: string; field: string } {
  const first = error.issues[0];
  const field = first ? first.path.map(String).join('.') : '';
  const parts = error.issues.slice(0, 5).map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message));
  return { message: parts.join('; '), field };
}

export function toApiError(err: unknown, method: string): ApiError {
  if (err instanceof HeraldError) return { code: err.code, message: err.message, context: { ...err.context } };
  const ref = Math.random().toString(36).slice(2, 8);
  log.error(`Unexpected error in ${method}`, { method, ref, error: err instanceof Error ? err.stack ?? err.message : String(err) });
  return { code: 'INTERNAL', message: `Herald hit an unexpected error (reference ${ref}); the log has the details.`, context: { method, ref } };
}

/**
 * Validates every input against the contract before a handler sees it, and every output before a
 * client does; errors leave as `{code, message, context}`, never as stack traces.
 */
export function createDispatcher(handlers: HandlerMap): Dispatcher {
  return {
    async invoke(method, rawInput) {
      if (!Object.hasOwn(contract, method)) {
        return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `There is no API method "${method}".`, context: { method } } };
      }
      const name = method as MethodName;
      const spec = contract[name];
      const parsed = spec.input.safeParse(rawInput ?? {});
      if (!parsed.success) {
        const { message, field } = describeIssues(parsed.error);
        return { ok: false, error: { code: 'INVALID_INPUT', message: `Invalid input for ${method}: ${message}`, context: { method, field } } };
      }
      try {
        const handler = handlers[name] as (input: unknown) => unknown;
        const result = await handler(parsed.data);
        const out = spec.output.safeParse(result);
        if (!out.success) {
          throw new Error(`Output of ${method} does not match its schema: ${describeIssues(out.error).message}`);
        }
        return { ok: true, data: out.data };
      } catch (err) {
        return { ok: false, error: toApiError(err, method) };
      }
    },
  };
}
