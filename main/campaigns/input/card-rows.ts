import type { CardResult } from '../../sources/types.js';
import { HeraldError } from '../../shared/errors.js';
import type { PyValue } from '../rules/py.js';
import { float, int } from '../rules/py.js';
import type { ContractRow } from './contract-row.js';
import { makeRow } from './contract-row.js';
import { COL, LEGACY_COLUMNS } from './columns.js';

/**
 * Contract rows from a Metabase card answer. Legacy campaigns read the rows positionally against a
 * fixed column list (§2.3); database campaigns map Metabase's column names onto the Chinese ones,
 * taking the first non-empty of several alternates (Beijing) or one name with a default (Shanghai).
 */

const FLOAT_TYPES = new Set(['type/Float', 'type/Decimal']);

function cellValue(value: unknown, isFloatColumn: boolean, where: () => string): PyValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return isFloatColumn || !Number.isInteger(value) ? float(value) : int(value);
  throw new HeraldError('CAMPAIGN_BAD_INPUT', `${where()} holds a ${Array.isArray(value) ? 'list' : typeof value}; a contract column is a single value.`);
}

function cardLabel(cardId: number | string): string {
  return typeof cardId === 'number' ? `Card ${cardId}` : cardId;
}

/** Positional rows against a legacy column list (`standard`, `sh-sep`, `bj-sep`). */
export function legacyRowsFromCard(card: CardResult, columns: keyof typeof LEGACY_COLUMNS, cardId: number | string): ContractRow[] {
  const names = LEGACY_COLUMNS[columns];
  const label = cardLabel(cardId);
  if (card.rows.length > 0 && card.cols.length !== names.length) {
    throw new HeraldError('CAMPAIGN_BAD_INPUT', `${label} returned ${card.cols.length} columns; this campaign reads ${names.length} (${names.join(', ')}).`, {
      card: String(cardId),
      columns: card.cols.length,
      expected: names.length,
    });
  }
  const floatCol = card.cols.map((c) => FLOAT_TYPES.has(c.base_type ?? ''));
  return card.rows.map((row, r) => {
    if (!Array.isArray(row) || row.length !== names.length) {
      throw new HeraldError('CAMPAIGN_BAD_INPUT', `${label}, row ${r + 1}: ${Array.isArray(row) ? row.length : 0} values for ${names.length} columns.`, {
        card: String(cardId),
        row: r + 1,
      });
    }
    return makeRow(names.map((name, i): [string, PyValue] => [name, cellValue(row[i], floatCol[i]!, () => `${label}, row ${r + 1}, column ${name}`)]));
  });
}

type Mapping = readonly [target: string, sources: readonly string[], fallback: PyValue];

/** `_parse_metabase_response` of the Beijing jobs (first non-empty alternate, else the default). */
const BEIJING_MAPPING: readonly Mapping[] = [
  [COL.id, ['_id', COL.id, 'contract_id'], ''],
  [COL.province, ['province', COL.province, 'city'], ''],
  [COL.workOrder, ['serviceAppointmentNum', COL.workOrder, 'appointmentNum'], ''],
  [COL.status, ['status', 'Status'], ''],
  [COL.housekeeper, ['serviceHousekeeper', COL.housekeeper, 'housekeeper'], ''],
  [COL.docNum, ['contractdocNum', COL.docNum, 'contractNum'], ''],
  [COL.amount, ['adjustRefundMoney', COL.amount, 'contractAmount'], int(0)],
  [COL.paid, ['paidAmount', COL.paid], int(0)],
  [COL.difference, ['difference', COL.difference], int(0)],
  [COL.state, ['state', 'State'], ''],
  [COL.createTime, ['createTime', COL.createTime], ''],
  [COL.org, ['orgName', COL.org, 'serviceProvider'], ''],
  [COL.signedDate, ['signedDate', COL.signedDate, 'signTime'], ''],
  [COL.doorsill, ['Doorsill'], int(0)],
  [COL.tradeIn, ['tradeIn', COL.tradeIn], ''],
  [COL.conversion, ['conversion', COL.conversion, 'conversionRate'], int(0)],
  [COL.average, ['average', COL.average], int(0)],
  [COL.housekeeperId, ['serviceHousekeeperId', COL.housekeeperId], ''],
  [COL.sourceType, ['sourceType', COL.sourceType, 'orderType'], int(2)],
  ['联系地址(contactsAddress)', ['contactsAddress', '联系地址(contactsAddress)'], ''],
  [COL.projectAddress, ['projectAddress', COL.projectAddress], ''],
  [COL.performance, ['adjustRefundMoney', COL.performance, 'performanceAmount'], int(0)],
  ['平台累计签约单数', ['scount'], int(0)],
  ['个人累计签约单数', ['ccount'], int(0)],
];

/** The Shanghai jobs' plain `raw.get(name, default)` map (no alternates; sourceType defaults to ''). */
const SHANGHAI_MAPPING: readonly Mapping[] = BEIJING_MAPPING.filter(([t]) => !['联系地址(contactsAddress)', COL.performance, '平台累计签约单数', '个人累计签约单数'].includes(t))
  .map(([t, s, d]): Mapping => (t === COL.sourceType ? [t, [s[0]!], ''] : [t, [s[0]!], d]))
  .concat([[COL.contactsAddress, ['contactsAddress'], '']]);

export interface MappedCardOptions {
  parser: 'bj' | 'sh';
  /** Keep `pcContractdocNum` (v1's validation inputs carried it; its live Beijing parser dropped it). */
  keepPcContractdocNum?: boolean;
}

export function mappedRowsFromCard(card: CardResult, options: MappedCardOptions, cardId: number | string): ContractRow[] {
  const label = cardLabel(cardId);
  const names = card.cols.map((c) => c.name);
  const floatCol = new Map(card.cols.map((c) => [c.name, FLOAT_TYPES.has(c.base_type ?? '')]));
  const mapping = options.parser === 'bj' ? BEIJING_MAPPING : SHANGHAI_MAPPING;
  return card.rows.map((row, r) => {
    const raw = new Map<string, PyValue>();
    names.forEach((name, i) => raw.set(name, cellValue(row[i], floatCol.get(name) ?? false, () => `${label}, row ${r + 1}, column ${name}`)));
    const entries = mapping.map(([target, sources, fallback]): [string, PyValue] => {
      if (options.parser === 'sh') return [target, raw.has(sources[0]!) ? raw.get(sources[0]!)! : fallback];
      const hit = sources.find((s) => raw.get(s) !== undefined && raw.get(s) !== null && raw.get(s) !== '');
      let value = hit === undefined ? fallback : raw.get(hit)!;
      if (target === COL.sourceType && typeof value === 'string') value = /^\s*[+-]?\d+\s*$/.test(value) ? int(Number(value)) : int(2);
      return [target, value];
    });
    if (options.keepPcContractdocNum && raw.has(COL.pcContractdocNum)) entries.push([COL.pcContractdocNum, raw.get(COL.pcContractdocNum)!]);
    return makeRow(entries);
  });
}
