import type { MethodOutput } from '../../../../main/api/contract/index.js';

export type Campaign = MethodOutput<'campaigns.list'>['campaigns'][number];
export type Entry = MethodOutput<'campaigns.ledger'>['entries'][number];
export type Overview = MethodOutput<'campaigns.overview'>;

const money = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });

/** Amounts as the office reads them: `12,000`, `-` for nothing. */
export function formatAmount(value: number | null | undefined): string {
  return value === null || value === undefined ? '-' : money.format(value);
}

/** The current month in Asia/Shanghai (`YYYY-MM`): the default month of the monthly broadcasts. */
export function officeMonth(now = Date.now()): string {
  return new Date(now + 8 * 3_600_000).toISOString().slice(0, 7);
}

/** Who and where a campaign's selector shows it. */
export interface Selection {
  variant: string;
  month?: string;
}
