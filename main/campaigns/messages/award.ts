import { TIER_TYPE } from '../rules/rewards.js';

/**
 * The award message to the campaign contact (spec §4.3). Awards not in the campaign's mapping are
 * skipped silently, as in v1; a Beijing elite housekeeper's tier awards are shown doubled
 * ("精英连击双倍奖励", text only — the records never change).
 */
export interface AwardInput {
  name: string;
  docNum: string;
  /** `（平台单）` / `（自引单）` after 签约合同, from September 2025 on; absent before. */
  orderType?: string;
  types: readonly string[];
  names: readonly string[];
  mapping: Readonly<Record<string, string>>;
  /** Elite badge text when the housekeeper is elite and the campaign shows it (Beijing only). */
  eliteBadge?: string;
}

const RED_PACKETS = '\u{1F9E7}\u{1F9E7}\u{1F9E7}';

export function awardMessage(input: AwardInput): string {
  const lines: string[] = [];
  // v1 paired types with names only when both lists had the same length.
  const typeOf = new Map<string, string>();
  if (input.types.length === input.names.length) input.names.forEach((n, i) => typeOf.set(n, input.types[i]!));
  for (const award of input.names) {
    const amount = input.mapping[award];
    if (amount === undefined) continue;
    if (input.eliteBadge && typeOf.get(award) === TIER_TYPE) {
      lines.push(`达成 ${award} 奖励条件，奖励金额 ${amount} 元，同时触发"精英连击双倍奖励"，奖励金额\u{1F680}直升至 ${Number(amount) * 2} 元！${RED_PACKETS}`);
    } else {
      lines.push(`达成${award}奖励条件，获得签约奖励${amount}元 ${RED_PACKETS}`);
    }
  }
  const name = input.eliteBadge ? `${input.eliteBadge}${input.name}` : input.name;
  const orderPart = input.orderType === undefined ? '' : `（${input.orderType}）`;
  return `${name}签约合同${orderPart}${input.docNum}\n\n${lines.join('\n')}`;
}
