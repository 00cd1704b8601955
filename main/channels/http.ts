import { request, type Dispatcher } from 'undici';
import { httpDispatcher } from '../core/http-agent.js';

export interface HttpReply {
  status: number;
  body: string;
}

/** A call that did not produce an HTTP answer: `timeout` may still have reached the server. */
export class HttpCallError extends Error {
  constructor(
    readonly kind: 'timeout' | 'network',
    message: string,
  ) {
    super(message);
  }
}

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT']);

/**
 * One HTTP call through the shared proxy-aware dispatcher, with a whole-call timeout. Error texts
 * never carry the URL (it may hold a webhook key or an access token).
 */
export async function httpCall(
  url: string,
  options: { method?: 'GET' | 'POST'; json?: unknown; timeoutMs: number; signal?: AbortSignal; dispatcher?: Dispatcher },
): Promise<HttpReply> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  try {
    const res = await request(url, {
      method: options.method ?? (options.json === undefined ? 'GET' : 'POST'),
      dispatcher: options.dispatcher ?? httpDispatcher(),
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      signal,
      ...(options.json === undefined ? {} : { headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(options.json) }),
    });
    return { status: res.statusCode, body: await res.body.text() };
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    if (timeout.aborted || TIMEOUT_CODES.has(code)) throw new HttpCallError('timeout', `no answer within ${options.timeoutMs} ms`);
    const cause = (err as { cause?: { code?: string } }).cause?.code;
    throw new HttpCallError('network', `network error (${cause ?? code ?? 'unknown'})`);
  }
}

/** The JSON object of a reply, or undefined when the body is empty or not JSON. */
export function jsonBody(reply: HttpReply): Record<string, unknown> | undefined {
  if (!reply.body.trim()) return undefined;
  try {
    const v = JSON.parse(reply.body) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
