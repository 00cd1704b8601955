import type { SuccessRule } from '../outbox/types.js';
import type { ResponseInfo, SendOutcome } from './types.js';
import { httpCall, HttpCallError, jsonBody, type HttpReply } from './http.js';

/** After WeCom's 45009 (frequency limit) the endpoint waits this long before trying again. */
export const WECOM_THROTTLE_WAIT_MS = 60_000;

/** The smartsheet webhook's answer to a datetime field it cannot read. */
export const SMARTSHEET_INVALID_DATETIME = 2022034;

const TOKEN_ERRORS = new Set([40014, 42001, 41001]);

export function isTokenError(errcode: number): boolean {
  return TOKEN_ERRORS.has(errcode);
}

/**
 * What a WeCom `errcode` means for the outbox: 0 delivered; 45009 throttled → wait, no attempt used;
 * -1 busy → retry; 60020 the PC's IP is not trusted → a configuration error; 93000 and any other
 * code → this channel cannot deliver the message.
 */
export function wecomOutcome(errcode: number, errmsg: string, response: ResponseInfo): SendOutcome {
  const code = `WECOM_${errcode}`;
  if (errcode === 0) return { kind: 'sent', response };
  if (errcode === 45009) {
    return { kind: 'wait', code, reason: `WeCom's frequency limit was reached (45009: ${errmsg}); waiting a minute.`, retryAfterMs: WECOM_THROTTLE_WAIT_MS, blockEndpoint: true, response };
  }
  if (errcode === -1) return { kind: 'retry', code, reason: `WeCom is busy (-1: ${errmsg}).`, response };
  if (errcode === 60020) {
    return {
      kind: 'permanent',
      code,
      reason: `WeCom refuses calls from this PC's IP address (60020: ${errmsg}). Add the office's public IP to the app's trusted IPs in the WeCom admin console.`,
      response,
    };
  }
  if (errcode === SMARTSHEET_INVALID_DATETIME) {
    return { kind: 'permanent', code, reason: `The smartsheet refused a date field of the record (2022034: ${errmsg}); sending it again cannot help.`, response };
  }
  if (errcode === 93000) return { kind: 'permanent', code, reason: `The robot's webhook key is invalid (93000: ${errmsg}). Check the recipient's webhook in Settings → Recipients.`, response };
  return { kind: 'permanent', code, reason: `WeCom refused the message (errcode ${errcode}: ${errmsg}).`, response };
}

/** HTTP-level outcome when there is no usable errcode: 5xx retry, other non-2xx permanent. */
export function httpStatusOutcome(reply: HttpReply): SendOutcome | undefined {
  const response = { status: reply.status, body: reply.body };
  if (reply.status >= 200 && reply.status < 300) return undefined;
  if (reply.status >= 500 || reply.status === 429 || reply.status === 408) return { kind: 'retry', code: `HTTP_${reply.status}`, reason: `The server answered HTTP ${reply.status}.`, response };
  return { kind: 'permanent', code: `HTTP_${reply.status}`, reason: `The server refused the request with HTTP ${reply.status}.`, response };
}

/** A WeCom JSON reply: HTTP status first, then `errcode` (missing errcode counts as 0, as v1 did). */
export function wecomReplyOutcome(reply: HttpReply): SendOutcome {
  const http = httpStatusOutcome(reply);
  if (http) return http;
  const json = jsonBody(reply);
  const response = { status: reply.status, body: reply.body };
  if (!json) return { kind: 'retry', code: 'WECOM_BAD_REPLY', reason: 'WeCom answered with something that is not JSON.', response };
  const errcode = Number(json.errcode ?? 0);
  return wecomOutcome(Number.isFinite(errcode) ? errcode : -1, String(json.errmsg ?? ''), response);
}

/**
 * A webhook reply read by a message's success rule (spec §5.5): WeCom's errcode (default), any
 * 2xx (v1's SLA and pending orders), or the smartsheet rule (2xx and an empty or non-JSON body,
 * or an errcode absent, 0 or "0"). Non-2xx answers are read the same way under every rule.
 */
export function webhookReplyOutcome(reply: HttpReply, rule: SuccessRule = 'wecom-errcode'): SendOutcome {
  if (rule === 'wecom-errcode') return wecomReplyOutcome(reply);
  const http = httpStatusOutcome(reply);
  if (http) return http;
  const response = { status: reply.status, body: reply.body };
  if (rule === 'http-2xx') return { kind: 'sent', response };
  const errcode = jsonBody(reply)?.errcode;
  if (errcode === undefined || errcode === null || errcode === 0 || errcode === '0') return { kind: 'sent', response };
  const code = Number(errcode);
  return wecomOutcome(Number.isFinite(code) ? code : -1, String(jsonBody(reply)?.errmsg ?? ''), response);
}

/** A call that got no answer: timeouts and network errors are retried (seed: "5xx and timeouts → retry"). */
export function callErrorOutcome(err: unknown): SendOutcome {
  if (err instanceof HttpCallError) {
    return { kind: 'retry', code: err.kind === 'timeout' ? 'TIMEOUT' : 'NETWORK', reason: err.kind === 'timeout' ? `The server gave no answer (${err.message}); it may have received the message.` : `The server could not be reached (${err.message}).` };
  }
  return { kind: 'retry', code: 'SEND_ERROR', reason: (err as Error).message };
}

/** POSTs JSON to a WeCom endpoint and reads its answer by the success rule. */
export async function postToWecom(url: string, body: unknown, timeoutMs: number, signal: AbortSignal, rule: SuccessRule = 'wecom-errcode'): Promise<SendOutcome> {
  try {
    return webhookReplyOutcome(await httpCall(url, { json: body, timeoutMs, signal }), rule);
  } catch (err) {
    return callErrorOutcome(err);
  }
}
