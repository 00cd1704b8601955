import type { ApiResult, HeraldEvent, MethodInput, MethodName } from '../main/api/contract/index.js';

/** What preload exposes as `window.herald`; the renderer's API client is typed by it. */
export interface HeraldBridge {
  api: { [M in MethodName]: (input: MethodInput<M> | undefined) => Promise<ApiResult<unknown>> };
  onEvent(listener: (event: HeraldEvent) => void): () => void;
}
