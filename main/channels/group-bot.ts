import { ChannelSettingsSchemas } from '../api/contract/channel-model.js';
import type { MessageContent } from '../outbox/types.js';
import { splitText } from '../outbox/split.js';
import type { ChannelRuntimeConfig, ChannelSender } from './types.js';
import { endpointKey } from './endpoint-key.js';
import { postToWecom } from './wecom-errors.js';

/** WeCom robot content limits (UTF-8 bytes). */
export const ROBOT_TEXT_MAX_BYTES = 2048;
export const ROBOT_MARKDOWN_MAX_BYTES = 4096;

const settingsOf = (config: ChannelRuntimeConfig) => ChannelSettingsSchemas.GROUP_BOT.parse(config.settings);

const isUrl = (address: string) => /^https?:\/\//i.test(address);

/** A recipient's robot address is either the webhook key or the whole webhook URL. */
export function webhookUrl(address: string, baseUrl: string): string {
  return isUrl(address) ? address : `${baseUrl}?key=${encodeURIComponent(address)}`;
}

function robotBody(content: MessageContent): unknown {
  switch (content.kind) {
    case 'text':
      return { msgtype: 'text', text: { content: content.text } };
    case 'markdown':
      return { msgtype: 'markdown', markdown: { content: content.text } };
    case 'template_card':
      return { msgtype: 'template_card', template_card: content.card };
    case 'smartsheet':
      return content.payload;
  }
}

/**
 * GROUP_BOT: the WeCom group robot webhook (text, markdown, template card) and smartsheet webhooks;
 * the answer is read by the message's success rule (`Delivery.success`).
 */
export function groupBotSender(): ChannelSender {
  return {
    type: 'GROUP_BOT',
    unconfigured: () => undefined,
    refuse(content, address) {
      if (!address.trim()) return 'The recipient has no robot webhook.';
      if (content.kind === 'smartsheet' && !isUrl(address)) return "A smartsheet record needs the smartsheet's full webhook URL as the recipient's address.";
      return undefined;
    },
    split(content) {
      if (content.kind === 'text') return splitText(content.text, ROBOT_TEXT_MAX_BYTES).map((text) => ({ kind: 'text', text }));
      if (content.kind === 'markdown') return splitText(content.text, ROBOT_MARKDOWN_MAX_BYTES).map((text) => ({ kind: 'markdown', text }));
      return [content];
    },
    rateLimit(config, address, content) {
      const s = settingsOf(config);
      const url = webhookUrl(address, s.baseUrl);
      if (content.kind === 'smartsheet') return s.smartsheetPaceMs > 0 ? { endpoint: endpointKey('smartsheet', url), limit: 1, windowMs: s.smartsheetPaceMs } : undefined;
      return { endpoint: endpointKey('robot', url), limit: s.perKeyLimit, windowMs: s.windowMs + s.marginMs };
    },
    send(config, delivery) {
      const s = settingsOf(config);
      const url = webhookUrl(delivery.address, s.baseUrl);
      // A smartsheet webhook answers by its own rule (spec §5.5) unless the message names one.
      const rule = delivery.success ?? (delivery.content.kind === 'smartsheet' ? 'smartsheet' : 'wecom-errcode');
      return postToWecom(url, robotBody(delivery.content), s.timeoutMs, delivery.signal, rule);
    },
    secretValues(config, address) {
      const url = webhookUrl(address, settingsOf(config).baseUrl);
      let key: string | null = null;
      try {
        key = new URL(url).searchParams.get('key');
      } catch {
        // A malformed URL is reported by the send; it has no separate key to hide.
      }
      return [address, url, ...(key ? [key] : [])];
    },
  };
}
