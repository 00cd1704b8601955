import type { ApiError, ApiResult, HeraldEvent, MethodInput, MethodName, MethodOutput } from '../../../main/api/contract/index.js';
import type { HeraldBridge } from '../../../preload/bridge.js';

declare global {
  interface Window {
    herald?: HeraldBridge;
  }
}

/** An API error as the core reported it: a code for the catalogue, a sentence, the context. */
export class ApiCallError extends Error {
  readonly code: string;
  readonly context: Record<string, unknown>;
  constructor(error: ApiError, readonly status?: number) {
    super(error.message);
    this.code = error.code;
    this.context = error.context ?? {};
  }
}

/**
 * Calls one API method: through the preload bridge inside the app, over loopback HTTP (session
 * cookie) in headless mode. Same contract, same types, either way.
 */
export async function call<M extends MethodName>(method: M, input?: MethodInput<M>): Promise<MethodOutput<M>> {
  let result: ApiResult<unknown>;
  let status: number | undefined;
  if (window.herald) {
    result = await window.herald.api[method](input);
  } else {
    const res = await fetch(`./api/${method}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(input ?? {}),
    });
    status = res.status;
    result = (await res.json()) as ApiResult<unknown>;
  }
  if (!result.ok) throw new ApiCallError(result.error, status);
  return result.data as MethodOutput<M>;
}

type Listener = (event: HeraldEvent) => void;
const listeners = new Set<Listener>();
let source: EventSource | undefined;
let unsubscribeBridge: (() => void) | undefined;
let hidden = typeof document !== 'undefined' && document.visibilityState === 'hidden';

function dispatch(event: HeraldEvent): void {
  for (const l of listeners) l(event);
}

function connect(): void {
  if (window.herald) {
    unsubscribeBridge ??= window.herald.onEvent(dispatch);
    return;
  }
  if (source) return;
  source = new EventSource('./api/events', { withCredentials: true });
  source.onmessage = (msg) => dispatch(JSON.parse(msg.data as string) as HeraldEvent);
}

function disconnect(): void {
  source?.close();
  source = undefined;
  unsubscribeBridge?.();
  unsubscribeBridge = undefined;
}

// Live updates pause while the window is hidden; pages refetch when it shows again.
if (typeof document !== 'undefined') {
  document.addEventListener('visibilitychange', () => {
    hidden = document.visibilityState === 'hidden';
    if (hidden) disconnect();
    else if (listeners.size) {
      connect();
      dispatch({ type: 'invalidate', topic: 'status' });
      for (const topic of ['jobs', 'runs', 'outbox', 'campaigns', 'shadow', 'settings', 'channels', 'sources'] as const) dispatch({ type: 'invalidate', topic });
    }
  });
}

export function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  if (!hidden) connect();
  return () => {
    listeners.delete(listener);
    if (!listeners.size) disconnect();
  };
}
