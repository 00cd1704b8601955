import { stringify } from 'csv-stringify/sync';
import type { Db } from '../db/open.js';
import { activityCodeFor } from './configs/index.js';
import { LEDGER_HEADERS, PERFORMANCE_DATA_COLUMNS } from './input/columns.js';
import { campaignFor } from './pipelines/index.js';
import { shanghaiDateTime } from '../shared/shanghai-time.js';
import type { PipelineId } from './configs/schema.js';
import { floatRepr } from './rules/py.js';
import { readLedger } from './store/ledger-store.js';

/**
 * A campaign's stored state in v1's own file formats: a `v1-ledger` campaign as its
 * `PerformanceData-*.csv` (v1's columns and order, v1's value texts, UTF-8 with BOM, `\r\n` like
 * Python's csv module), a `v1-db` campaign with the columns of v1's `performance_data` table, in the
 * order of its unique key (activity, contract id).
 */

export interface LedgerExport {
  columns: readonly string[];
  rows: string[][];
}

const REAL_COLUMNS = new Set(['contract_amount', 'performance_amount', 'paid_amount']);

function cellText(column: string, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return REAL_COLUMNS.has(column) ? floatRepr(value) : String(value);
  return String(value);
}

export function ledgerExport(db: Db, variantId: string, options: { pipeline?: PipelineId; month?: string } = {}): LedgerExport {
  const { variant } = campaignFor(variantId, options.pipeline);
  if (variant.pipeline === 'v1-ledger') {
    const columns = LEDGER_HEADERS[variant.legacy!.header];
    const rows = readLedger(db, variant.activityCode).map((r) => columns.map((c) => r.row[c] ?? ''));
    return { columns, rows };
  }
  const month = options.month ?? shanghaiDateTime(new Date()).slice(0, 7);
  const stored = db
    .prepare(`SELECT ${PERFORMANCE_DATA_COLUMNS.join(', ')} FROM campaign_performance_data WHERE activity_code = ? ORDER BY contract_id`)
    .all(activityCodeFor(variant, month)) as Array<Record<string, unknown>>;
  return { columns: PERFORMANCE_DATA_COLUMNS, rows: stored.map((r) => PERFORMANCE_DATA_COLUMNS.map((c) => cellText(c, r[c]))) };
}

/** The export as CSV text (with the UTF-8 byte-order mark v1's `utf-8-sig` files carried). */
export function ledgerCsv(exported: LedgerExport): string {
  return `\uFEFF${stringify([exported.columns as string[], ...exported.rows], { record_delimiter: '\r\n', quoted_match: /[\r\n]/ })}`;
}
