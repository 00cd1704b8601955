import { request, type Dispatcher } from 'undici';
import { HeraldError } from '../../shared/errors.js';

/**
 * One POST to Metabase with a deadline and the caller's AbortSignal. Transport failures become
 * HeraldErrors whose message says what Herald was doing ("to log in", "to run card 1514") and where;
 * nothing of the request (password, session) goes into them.
 */
export interface PostOptions {
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  signal?: AbortSignal;
  dispatcher: Dispatcher;
  /** "log in", "run card 1514" — completes "Metabase at X did not answer in time to …". */
  purpose: string;
  server: string;
  context: Record<string, string | number>;
}

export interface PostResult {
  status: number;
  contentType: string;
  /** The answer undecoded: a big card is decoded and parsed off the main thread (`queryCardWith`). */
  body: Buffer;
}

const UNREACHABLE_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ECONNRESET: 'connection reset',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_SOCKET: 'connection closed',
  CERT_HAS_EXPIRED: 'its certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its certificate is self-signed',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its certificate cannot be verified',
};

export async function postToMetabase(options: PostOptions): Promise<PostResult> {
  const deadline = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
  const context = { ...options.context, server: options.server };
  if (options.signal?.aborted) throw aborted(options, context);
  try {
    const res = await request(options.url, {
      method: 'POST',
      headers: options.headers,
      body: options.body ?? null,
      signal,
      dispatcher: options.dispatcher,
    });
    const body = Buffer.from(await res.body.arrayBuffer());
    const header = res.headers['content-type'];
    return { status: res.statusCode, contentType: (Array.isArray(header) ? header[0] : header) ?? '', body };
  } catch (err) {
    if (options.signal?.aborted) throw aborted(options, context, err);
    const code = errorCode(err);
    if (deadline.aborted || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
      const seconds = Math.round(options.timeoutMs / 100) / 10;
      throw new HeraldError('SOURCE_TIMEOUT', `Metabase at ${options.server} did not answer within ${seconds} s to ${options.purpose}.`, { ...context, timeoutMs: options.timeoutMs }, { cause: err });
    }
    const reason = (code && UNREACHABLE_REASONS[code]) ?? code ?? (err as Error).message;
    throw new HeraldError('SOURCE_UNREACHABLE', `Cannot reach Metabase at ${options.server} to ${options.purpose} (${reason}).`, { ...context, ...(code ? { reason: code } : {}) }, { cause: err });
  }
}

function aborted(options: PostOptions, context: Record<string, string | number>, cause?: unknown): HeraldError {
  return new HeraldError('SOURCE_ABORTED', `Stopped before Metabase at ${options.server} answered the request to ${options.purpose}.`, context, { cause });
}

/** undici puts the socket error's code on the error or on its cause. */
function errorCode(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}
