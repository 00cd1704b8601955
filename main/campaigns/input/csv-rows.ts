import { parse } from 'csv-parse/sync';
import { HeraldError } from '../../shared/errors.js';
import type { ContractRow } from './contract-row.js';

/**
 * Reads contract rows from CSV with the Chinese headers (e.g. a v1 `ContractData-*.csv`). Every value
 * stays text, exactly what v1's `csv.DictReader` handed its campaign functions.
 */
export function rowsFromCsv(text: string, source: string): ContractRow[] {
  let records: Array<Record<string, string>>;
  try {
    records = parse(text, { bom: true, columns: true, skip_empty_lines: true, relax_quotes: false }) as Array<Record<string, string>>;
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw new HeraldError('CAMPAIGN_BAD_INPUT', `${source} is not a readable CSV file: ${(err as Error).message}`, { source, line }, { cause: err });
  }
  return records.map((values) => ({ values }));
}
