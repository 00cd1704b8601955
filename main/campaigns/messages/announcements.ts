import type { AnnouncementLayout } from '../configs/schema.js';
import type { PyValue } from '../rules/py.js';
import { ZERO } from '../rules/py.js';
import { legacyAmount, legacyRate, newArchAmount, newArchRate, text, valueToFloat } from '../rules/format.js';

/**
 * The group announcements (签约喜报) of every v1 generation, character for character (spec §4.2).
 * Legacy layouts read the ledger row as v1's notifier read its CSV (every value a string); the
 * database layouts read the record values.
 */

const FIRE = '\u{1F9E8}\u{1F9E8}\u{1F9E8}';
const PARTY = '\u{1F389}\u{1F389}\u{1F389}';
const SUN = '\u{1F33B}';
const FIST = '\u{1F44A}';
const HEADER = `${FIRE} 签约喜报 ${FIRE}`;
const ALL_DONE = '恭喜已经达成所有奖励，祝愿再接再厉，再创佳绩';
const KEEP_GOING = '继续加油，争取更多奖励';
export const CLOSING_MESSAGE = '继续加油，再接再厉！';

export type Field = (key: string) => PyValue | undefined;

export interface AnnouncementInput {
  field: Field;
  /** The housekeeper's name as shown first (with a badge where v1 added one). */
  displayName: string;
  /** The bare name (database campaigns: the key up to the first `_`). */
  name: string;
  /** `平台单` / `自引单` (database campaigns; legacy layouts read `工单类型` from the row). */
  orderType?: string;
  /** Performance broadcast: the housekeeper's month total at send time. */
  sendTimeCumulative?: number;
  fixes: { bjNewArchClosingLine: boolean; sh12ClosingLine: boolean };
}

const str = (f: Field, key: string): string => text(f(key));
const hasWu = (f: Field): boolean => str(f, '备注').includes('无');

function bjLegacy(i: AnnouncementInput, generic: boolean): string {
  const f = i.field;
  const p = f('管家累计业绩金额') ?? f('计入业绩金额') ?? '0';
  let next: string;
  if (!hasWu(f)) next = str(f, '备注');
  else next = generic && !i.fixes.bjNewArchClosingLine ? '' : `${ALL_DONE} ${PARTY}`;
  const amount = generic ? newArchAmount : (v: PyValue | undefined) => legacyAmount(text(v));
  return (
    `${HEADER}\n恭喜 ${i.displayName} 签约合同 ${str(f, '合同编号(contractdocNum)')} 并完成线上收款${PARTY}\n\n` +
    `${SUN} 本单为活动期间平台累计签约第 ${str(f, '活动期内第几个合同')} 单，个人累计签约第 ${str(f, '管家累计单数')} 单。\n\n` +
    `${SUN} ${i.name}累计签约 ${amount(f('管家累计金额'))} 元, 累计计入业绩 ${amount(p)} 元\n\n${FIST} ${next}。\n`
  );
}

function shLegacy(i: AnnouncementInput): string {
  const f = i.field;
  const next = hasWu(f) ? `${ALL_DONE} ${PARTY}` : str(f, '备注');
  return (
    `${HEADER}\n\n恭喜 ${i.displayName} 签约合同 ${str(f, '合同编号(contractdocNum)')} 并完成线上收款${PARTY}\n\n` +
    `${SUN} 本单为本月平台累计签约第 ${str(f, '活动期内第几个合同')} 单，\n\n${SUN} 个人累计签约第 ${str(f, '管家累计单数')} 单，\n\n` +
    `${SUN} 个人累计签约 ${legacyAmount(str(f, '管家累计金额'))} 元，\n\n${SUN} 个人转化率 ${legacyRate(str(f, '转化率(conversion)'))}，\n\n${FIST} ${next}。\n`
  );
}

/** SH September and later: order type in the title, dual-track lines, closing with 🎉🎉🎉. */
function shDualTrack(i: AnnouncementInput, layout: 'sh-sep-legacy' | 'sh-sep-new' | 'sh-oct'): string {
  const f = i.field;
  const legacy = layout === 'sh-sep-legacy';
  const orderType = legacy ? text(f('工单类型') ?? '平台单') : (i.orderType ?? '平台单');
  const amount = legacy ? (key: string) => legacyAmount(text(f(key) ?? '0')) : (key: string) => newArchAmount(f(key) ?? ZERO);
  const rate = legacy ? legacyRate(str(f, '转化率(conversion)')) : newArchRate(f('转化率(conversion)') ?? '');
  const count = (key: string) => text(f(key) ?? ZERO);
  let next: string;
  if (orderType === '自引单') next = KEEP_GOING;
  else if (!hasWu(f)) next = str(f, '备注');
  else if (legacy) next = ALL_DONE;
  else next = i.fixes.sh12ClosingLine ? CLOSING_MESSAGE : '';
  const stats =
    layout === 'sh-oct'
      ? `${SUN} 个人平台单累计签约第 ${count('平台单累计数量')} 单。\n${SUN} 个人平台单金额累计签约 ${amount('平台单累计金额')} 元\n\n`
      : `${SUN} 个人平台单累计签约第 ${count('平台单累计数量')} 单， 自引单累计签约第 ${count('自引单累计数量')} 单。\n` +
        `${SUN} 个人平台单金额累计签约 ${amount('平台单累计金额')} 元，自引单金额累计签约 ${amount('自引单累计金额')}元\n\n`;
  return (
    `${HEADER}\n\n恭喜 ${i.displayName} 签约合同（${orderType}） ${str(f, '合同编号(contractdocNum)')} 并完成线上收款${PARTY}\n\n` +
    `${SUN} 本单为本月平台累计签约第 ${str(f, '活动期内第几个合同')} 单，\n\n${stats}${SUN} 个人平台单转化率 ${rate}，\n\n${FIST} ${next} ${PARTY}。\n`
  );
}

function bjOctober(i: AnnouncementInput): string {
  const f = i.field;
  const next = hasWu(f) ? ALL_DONE : str(f, '备注');
  return (
    `${HEADER}\n\n恭喜 ${i.displayName} 签约合同（${i.orderType ?? '平台单'}） ${str(f, '合同编号(contractdocNum)')} 并完成线上收款${PARTY}\n\n` +
    `${SUN} 本单为平台本月累计签约第 ${str(f, '活动期内第几个合同')} 单\n\n` +
    `${SUN} 个人平台单累计签约第 ${text(f('平台单累计数量') ?? ZERO)} 单，累计签约 ${newArchAmount(f('平台单累计金额') ?? ZERO)} 元\n` +
    `${SUN} 个人自引单累计签约第 ${text(f('自引单累计数量') ?? ZERO)} 单，累计签约 ${newArchAmount(f('自引单累计金额') ?? ZERO)}元\n` +
    `${SUN} 个人累计业绩金额 ${newArchAmount(f('管家累计业绩金额') ?? ZERO)} 元\n\n${FIST} ${next} ${PARTY}\n`
  );
}

function bjNovember(i: AnnouncementInput): string {
  const f = i.field;
  return (
    `${HEADER}\n\n恭喜 ${i.displayName} 签约合同 ${str(f, '合同编号(contractdocNum)')} 并完成线上收款${PARTY}\n\n` +
    `${SUN} 本单为平台本月累计签约第 ${str(f, '活动期内第几个合同')} 单\n\n` +
    `${SUN} 个人累计签约第 ${text(f('管家累计单数') ?? ZERO)} 单，累计签约 ${newArchAmount(f('管家累计金额') ?? ZERO)} 元\n\n${FIST} ${CLOSING_MESSAGE}${PARTY}\n`
  );
}

function bjPerformance(i: AnnouncementInput): string {
  const f = i.field;
  const contract = valueToFloat(f('计入业绩金额'));
  const cumulative = i.sendTimeCumulative ?? valueToFloat(f('管家累计业绩金额')) ?? 0;
  return (
    `${HEADER}\n\n恭喜 ${i.displayName} 签约合同 ${str(f, '合同编号(contractdocNum)')} 并完成首付款支付条件${PARTY}\n\n\n` +
    `${SUN} 本合同计入业绩金额为${contract === null ? 0 : Math.trunc(contract)}，本月个人累计签约业绩 ${newArchAmount({ v: cumulative, float: true })} 元\n\n` +
    `${SUN} 当前全年平台转化率为${newArchRate(f('转化率(conversion)') ?? '')}\n\n${FIST} ${CLOSING_MESSAGE}${PARTY}\n`
  );
}

export function announcement(layout: AnnouncementLayout, input: AnnouncementInput): string {
  switch (layout) {
    case 'bj-legacy':
      return bjLegacy(input, false);
    case 'bj-generic-new':
      return bjLegacy(input, true);
    case 'sh-legacy':
      return shLegacy(input);
    case 'sh-sep-legacy':
    case 'sh-sep-new':
    case 'sh-oct':
      return shDualTrack(input, layout);
    case 'bj-oct':
      return bjOctober(input);
    case 'bj-nov':
      return bjNovember(input);
    case 'bj-performance':
      return bjPerformance(input);
  }
}
