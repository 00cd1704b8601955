import { epochMicros, strftime, strptime } from './py-datetime.js';
import { pyStr } from './py-values.js';

/**
 * Contact-timeout report, card 980 (spec §7.6): a WeCom `template_card` (`text_notice`) over the
 * first six rows, elapsed time since assignment as of the run's time.
 */

/** Card 980 is positional: 0 work order, 2 housekeeper, 3 assignment time. */
export const CONTACT_TIMEOUT_COLUMNS = ['orderNum', 'unused', 'housekeeper', 'assignTime'] as const;

export class ContactTimeoutRowError extends Error {
  constructor(readonly column: string, message: string) {
    super(message);
  }
}

export interface HorizontalItem {
  keyname: string;
  value: string;
}

/** One row → its `horizontal_content_list` item (1-based `index`). */
export function contactTimeoutItem(row: unknown, index: number, nowUs: number): HorizontalItem {
  if (!Array.isArray(row) || row.length < 4) throw new ContactTimeoutRowError('row', 'row has fewer than 4 positional columns');
  const [order, , housekeeper, assigned] = row as [unknown, unknown, unknown, unknown];
  if (typeof order !== 'string') throw new ContactTimeoutRowError('orderNum', `work order ${pyStr(order)} is not text`);
  if (typeof assigned !== 'string') throw new ContactTimeoutRowError('assignTime', `assignment time ${pyStr(assigned)} is not text`);
  let parsed;
  try {
    parsed = strptime(assigned, '%Y-%m-%dT%H:%M:%S%z');
  } catch (err) {
    throw new ContactTimeoutRowError('assignTime', `assignment time ${assigned} does not match %Y-%m-%dT%H:%M:%S%z (${(err as Error).message})`);
  }
  const elapsedUs = nowUs - epochMicros(parsed, 'utc');
  const days = Math.floor(elapsedUs / 86_400_000_000);
  const hours = Math.floor((elapsedUs - days * 86_400_000_000) / 3_600_000_000);
  return {
    keyname: `${String(index).padStart(2, '0')}. 单号`,
    value: `${[...order].slice(-6).join('')}，${pyStr(housekeeper)}，${strftime(parsed, '%Y-%m-%d %H')}，超：${days}天 ${hours}小时`,
  };
}

/** The template card for `total` rows (Metabase links built from `metabaseUrl`). */
export function contactTimeoutCard(items: readonly HorizontalItem[], total: number, metabaseUrl: string): Record<string, unknown> {
  const base = metabaseUrl.replace(/\/+$/, '');
  return {
    card_type: 'text_notice',
    source: { icon_url: `${base}/app/assets/img/favicon.ico`, desc: '修链Metabase', desc_color: 0 },
    main_title: { title: '联系超时汇总（上周）报告', desc: '超时时间的规则为1小时以内，晚上10点后的工单，第二天上午8点前需要联系...' },
    emphasis_content: { title: String(total), desc: '联系超时汇总（上周）共计' },
    horizontal_content_list: items,
    jump_list: [{ type: 1, url: `${base}/question/980`, title: '超时工单列表' }],
    card_action: { type: 1, url: `${base}/question/980` },
  };
}
