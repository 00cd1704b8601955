import type { ChannelType } from '../api/contract/channel-model.js';
import type { ChannelSender } from './types.js';

/** DRY_RUN: accepts everything and sends nothing; the outbox row and its trace are the record. */
export function dryRunSender(): ChannelSender {
  return {
    type: 'DRY_RUN',
    inline: { response: 'dry run: nothing was sent' },
    unconfigured: () => undefined,
    refuse: () => undefined,
    split: (content) => [content],
    rateLimit: () => undefined,
    send: () => Promise.resolve({ kind: 'sent', response: { body: 'dry run: nothing was sent' } }),
    secretValues: () => [],
  };
}

/** SMS and AI: part of the model, with no provider built yet — always "no provider configured". */
export function noProviderSender(type: Extract<ChannelType, 'SMS' | 'AI'>): ChannelSender {
  const reason = 'no provider configured';
  return {
    type,
    unconfigured: () => reason,
    refuse: () => undefined,
    split: (content) => [content],
    rateLimit: () => undefined,
    send: () => Promise.resolve({ kind: 'permanent', code: 'NO_PROVIDER', reason }),
    secretValues: () => [],
  };
}
