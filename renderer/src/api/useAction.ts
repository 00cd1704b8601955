import { App } from 'antd';

/**
 * Runs an action a person started (save, retry, send): a success toast with `success(result)` when
 * given, the core's error sentence as an error toast otherwise. Resolves with the result, or
 * undefined when it failed.
 */
export function useAction() {
  const { message } = App.useApp();
  return async <T>(fn: () => Promise<T>, success?: (result: T) => string): Promise<T | undefined> => {
    try {
      const result = await fn();
      if (success) message.success(success(result));
      return result;
    } catch (e) {
      message.error((e as Error).message);
      return undefined;
    }
  };
}
