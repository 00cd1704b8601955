import { useCallback, useEffect, useRef, useState } from 'react';
import type { HeraldEvent, MethodInput, MethodName, MethodOutput, Topic } from '../../../main/api/contract/index.js';
import { ApiCallError, call, subscribe } from './client.js';

export interface Query<T> {
  data: T | undefined;
  error: ApiCallError | undefined;
  loading: boolean;
  reload: () => void;
}

/**
 * Fetches one method and refetches whenever the core invalidates one of `topics` — the pages stay
 * live without polling. `input` is compared by value. With `enabled: false` nothing is fetched
 * (e.g. a detail view with nothing selected).
 */
export function useApi<M extends MethodName>(
  method: M,
  input: MethodInput<M> | undefined,
  topics: Topic[] = [],
  options: { enabled?: boolean } = {},
): Query<MethodOutput<M>> {
  const enabled = options.enabled ?? true;
  const [data, setData] = useState<MethodOutput<M>>();
  const [error, setError] = useState<ApiCallError>();
  const [loading, setLoading] = useState(true);
  const key = JSON.stringify(input ?? {});
  const seq = useRef(0);

  const load = useCallback(() => {
    const mine = ++seq.current;
    if (!enabled) {
      setData(undefined);
      setLoading(false);
      return;
    }
    setLoading(true);
    call(method, JSON.parse(key) as MethodInput<M>)
      .then((d) => {
        if (mine !== seq.current) return;
        setData(d);
        setError(undefined);
      })
      .catch((e: unknown) => {
        if (mine !== seq.current) return;
        setError(e instanceof ApiCallError ? e : new ApiCallError({ code: 'NETWORK', message: String(e) }));
      })
      .finally(() => {
        if (mine === seq.current) setLoading(false);
      });
  }, [method, key, enabled]);

  useEffect(load, [load]);

  const topicKey = topics.join(',');
  useEffect(() => {
    if (!topicKey) return undefined;
    const wanted = new Set(topicKey.split(','));
    return subscribe((event: HeraldEvent) => {
      if (event.type === 'invalidate' && wanted.has(event.topic)) load();
    });
  }, [topicKey, load]);

  return { data, error, loading, reload: load };
}

export function useEvents(listener: (event: HeraldEvent) => void): void {
  const ref = useRef(listener);
  ref.current = listener;
  useEffect(() => subscribe((e) => ref.current(e)), []);
}
