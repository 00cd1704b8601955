import crypto from 'node:crypto';
import { ChannelSettingsSchemas } from '../api/contract/channel-model.js';
import type { Clock } from '../shared/clock.js';
import { splitText } from '../outbox/split.js';
import type { ChannelRuntimeConfig, ChannelSender, SendOutcome } from './types.js';
import { httpCall, jsonBody } from './http.js';
import { callErrorOutcome, httpStatusOutcome, isTokenError, wecomOutcome, wecomReplyOutcome } from './wecom-errors.js';

/** WeCom app message limits (UTF-8 bytes). */
export const APP_TEXT_MAX_BYTES = 2048;
/** Refresh a little before WeCom's own expiry so a token never dies mid-send. */
const TOKEN_EARLY_REFRESH_MS = 5 * 60_000;

const settingsOf = (config: ChannelRuntimeConfig) => ChannelSettingsSchemas.WORK_WECHAT.parse(config.settings);

interface CachedToken {
  token: string;
  expiresAt: number;
}

type TokenResult = { token: string } | { outcome: SendOutcome };

/**
 * WORK_WECHAT: WeCom application messages to members (`touser` = the recipient's WeCom user id).
 * The access token is cached per app until its expiry (7200 s) and fetched again on 40014/42001.
 */
export function workWechatSender(clock: Clock): ChannelSender & { tokenFetches(): number } {
  const tokens = new Map<string, CachedToken>();
  let fetches = 0;

  const appKey = (config: ChannelRuntimeConfig) => {
    const s = settingsOf(config);
    const secretHash = crypto.createHash('sha256').update(config.secrets.secret ?? '').digest('hex').slice(0, 12);
    return `${s.apiBase}|${s.corpId}|${s.agentId}|${secretHash}`;
  };

  async function fetchToken(config: ChannelRuntimeConfig, signal: AbortSignal): Promise<TokenResult> {
    const s = settingsOf(config);
    const url = `${s.apiBase}/gettoken?corpid=${encodeURIComponent(s.corpId)}&corpsecret=${encodeURIComponent(config.secrets.secret ?? '')}`;
    fetches += 1;
    try {
      const reply = await httpCall(url, { method: 'GET', timeoutMs: s.timeoutMs, signal });
      const json = jsonBody(reply);
      const token = json?.access_token;
      if (httpStatusOutcome(reply) || Number(json?.errcode ?? 0) !== 0 || typeof token !== 'string') {
        const outcome = wecomReplyOutcome(reply);
        if (outcome.kind === 'permanent' || outcome.kind === 'sent') {
          return { outcome: { kind: 'permanent', code: outcome.kind === 'sent' ? 'WECOM_NO_TOKEN' : outcome.code ?? 'WECOM_TOKEN', reason: `WeCom did not issue an access token for app ${s.agentId} of corp ${s.corpId}: ${outcome.kind === 'sent' ? 'no token in the answer' : outcome.reason} Check the corp id, agent id and secret in Settings → Channels.`, response: { status: reply.status, body: reply.body } } };
        }
        return { outcome };
      }
      const expiresIn = Number(json?.expires_in ?? 7200) * 1000;
      tokens.set(appKey(config), { token, expiresAt: clock.now() + expiresIn - Math.min(TOKEN_EARLY_REFRESH_MS, expiresIn / 2) });
      return { token };
    } catch (err) {
      return { outcome: callErrorOutcome(err) };
    }
  }

  async function token(config: ChannelRuntimeConfig, signal: AbortSignal): Promise<TokenResult> {
    const cached = tokens.get(appKey(config));
    if (cached && cached.expiresAt > clock.now()) return { token: cached.token };
    return fetchToken(config, signal);
  }

  return {
    type: 'WORK_WECHAT',
    tokenFetches: () => fetches,
    unconfigured(config) {
      const s = settingsOf(config);
      const missing = [!s.corpId && 'corp id', !s.agentId && 'agent id', !config.secrets.secret && 'secret'].filter(Boolean);
      return missing.length ? `The WeCom app is not set up (missing ${missing.join(', ')}).` : undefined;
    },
    refuse(content, address) {
      if (!address.trim()) return 'The recipient has no WeCom user id.';
      if (content.kind !== 'text' && content.kind !== 'markdown') return `A ${content.kind} cannot be sent as a WeCom app message.`;
      return undefined;
    },
    split(content) {
      if (content.kind !== 'text' && content.kind !== 'markdown') return [content];
      return splitText(content.text, APP_TEXT_MAX_BYTES).map((text) => ({ kind: content.kind, text }));
    },
    rateLimit(config, address) {
      const s = settingsOf(config);
      return { endpoint: `wecom-app:${s.corpId}:${s.agentId}:${address}`, limit: s.perMemberLimit, windowMs: s.windowMs + s.marginMs };
    },
    async send(config, delivery) {
      const s = settingsOf(config);
      const c = delivery.content;
      if (c.kind !== 'text' && c.kind !== 'markdown') return { kind: 'permanent', code: 'CONTENT_UNSUPPORTED', reason: `A ${c.kind} cannot be sent as a WeCom app message.` };
      const body = { touser: delivery.address, agentid: s.agentId, msgtype: c.kind, [c.kind]: { content: c.text } };
      for (let round = 0; round < 2; round += 1) {
        const t = await token(config, delivery.signal);
        if ('outcome' in t) return t.outcome;
        let reply;
        try {
          reply = await httpCall(`${s.apiBase}/message/send?access_token=${encodeURIComponent(t.token)}`, { json: body, timeoutMs: s.timeoutMs, signal: delivery.signal });
        } catch (err) {
          return callErrorOutcome(err);
        }
        const json = jsonBody(reply);
        const errcode = Number(json?.errcode ?? 0);
        if (!httpStatusOutcome(reply) && isTokenError(errcode) && round === 0) {
          tokens.delete(appKey(config));
          continue;
        }
        const outcome = wecomReplyOutcome(reply);
        // errcode 0 with the user listed as invalid: WeCom accepted the call but delivered nothing.
        const invalid = String(json?.invaliduser ?? '').split('|').filter(Boolean);
        if (outcome.kind === 'sent' && invalid.includes(delivery.address)) {
          return { kind: 'permanent', code: 'WECOM_INVALID_USER', reason: `WeCom user "${delivery.address}" does not exist or is outside the app's visible range.`, response: outcome.response ?? {} };
        }
        return outcome;
      }
      return wecomOutcome(42001, 'access token expired twice in a row', {});
    },
    secretValues(config) {
      const cached = tokens.get(appKey(config));
      return [config.secrets.secret ?? '', ...(cached ? [cached.token] : [])].filter(Boolean);
    },
  };
}
