import type { ChannelType } from '../api/contract/channel-model.js';
import type { PowerEvents } from '../core/power.js';
import type { Clock } from '../shared/clock.js';
import type { ChannelSender } from './types.js';
import { groupBotSender } from './group-bot.js';
import { workWechatSender } from './work-wechat.js';
import { emailSender } from './email.js';
import { dryRunSender, noProviderSender } from './simple.js';
import { desktopSender, type DesktopSenderDeps } from './desktop/sender.js';

export type SenderRegistry = Record<ChannelType, ChannelSender>;

export interface SenderDeps {
  clock: Clock;
  power: Pick<PowerEvents, 'locked'>;
  desktop?: Omit<DesktopSenderDeps, 'power'>;
}

/** One sender per channel type, behind one interface. */
export function createSenders(deps: SenderDeps): SenderRegistry {
  return {
    GROUP_BOT: groupBotSender(),
    WORK_WECHAT: workWechatSender(deps.clock),
    WECHAT: desktopSender({ power: deps.power, ...deps.desktop }),
    SMS: noProviderSender('SMS'),
    EMAIL: emailSender(),
    AI: noProviderSender('AI'),
    DRY_RUN: dryRunSender(),
  };
}
