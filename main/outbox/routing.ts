import type { ChannelType } from '../api/contract/channel-model.js';
import type { ChannelConfigRecord } from '../channels/config-store.js';
import type { SenderRegistry } from '../channels/registry.js';
import type { ChannelSender } from '../channels/types.js';
import type { MessageContent } from './types.js';
import type { ResolvedRoute } from './recipients.js';
import { knownRecipient } from './known-recipients.js';

export interface ChannelChoice {
  channel: ChannelType;
  address: string;
  config: ChannelConfigRecord;
  sender: ChannelSender;
}

export type RouteDecision =
  | { kind: 'use'; choice: ChannelChoice; skipped: string[] }
  | { kind: 'none'; code: string; reason: string };

export interface RouteQuestion {
  recipient: string;
  route: ResolvedRoute | undefined;
  content: MessageContent;
  /** Channels this message already gave up on (dead or refused there). */
  exhausted: readonly string[];
  onlyChannel: string | null;
  lastError: string | null;
}

/**
 * The first channel of the recipient's route that can take this message now: configured, enabled,
 * accepting this content, not already given up on. The reasons for every channel passed over go on
 * the trace ("GROUP_BOT: not configured → WECHAT").
 */
export function chooseChannel(q: RouteQuestion, configs: Record<ChannelType, ChannelConfigRecord>, senders: SenderRegistry): RouteDecision {
  // A channel with no effect outside Herald (DRY_RUN) needs no address: a message held to it (a run
  // with `dryRun`) settles there whether the recipient's route lists it or not, configured or not.
  const held = q.onlyChannel ? senders[q.onlyChannel as ChannelType] : undefined;
  if (held?.inline) {
    const address = q.route?.entries.find((e) => e.channel === held.type)?.address ?? q.recipient;
    return { kind: 'use', choice: { channel: held.type, address, config: configs[held.type], sender: held }, skipped: [] };
  }
  if (!q.route || q.route.entries.length === 0) {
    const known = knownRecipient(q.recipient);
    if (known) {
      return {
        kind: 'none',
        code: 'RECIPIENT_NOT_CONFIGURED',
        reason: `Recipient "${q.recipient}" (${known.name['zh-CN']} / ${known.name.en}) is not configured yet: give it a route in Settings → Recipients, then retry this message.`,
      };
    }
    return { kind: 'none', code: 'RECIPIENT_UNKNOWN', reason: `Recipient "${q.recipient}" has no configured channel. Add it in Settings → Recipients.` };
  }
  const entries = q.onlyChannel ? q.route.entries.filter((e) => e.channel === q.onlyChannel) : q.route.entries;
  if (entries.length === 0) {
    return { kind: 'none', code: 'RECIPIENT_NO_ADDRESS', reason: `Recipient "${q.recipient}" has no address on ${q.onlyChannel}.` };
  }
  const skipped: string[] = [];
  for (const entry of entries) {
    const config = configs[entry.channel];
    const sender = senders[entry.channel];
    const why = q.exhausted.includes(entry.channel)
      ? 'gave up on this channel'
      : !config.enabled
        ? 'channel disabled'
        : (config.secretError ?? sender.unconfigured(config) ?? sender.refuse(q.content, entry.address));
    if (why) {
      skipped.push(`${entry.channel}: ${why.replace(/\.$/, '')}`);
      continue;
    }
    return { kind: 'use', choice: { channel: entry.channel, address: entry.address, config, sender }, skipped };
  }
  const last = q.lastError ? ` Last error: ${q.lastError}` : '';
  return { kind: 'none', code: 'NO_USABLE_CHANNEL', reason: `No channel of recipient "${q.recipient}" can deliver this message (${skipped.join('; ')}).${last}` };
}
