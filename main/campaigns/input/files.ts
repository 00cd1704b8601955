import fs from 'node:fs';
import path from 'node:path';
import { HeraldError } from '../../shared/errors.js';
import type { CardResult } from '../../sources/types.js';
import type { Campaign } from '../configs/index.js';
import { legacyRowsFromCard, mappedRowsFromCard } from './card-rows.js';
import type { ContractRow } from './contract-row.js';
import { rowsFromCsv } from './csv-rows.js';
import { rowsFromJson } from './json-rows.js';

/** Contract rows from a file: `.csv` with the Chinese headers, or `.json` holding a list of rows. */
export function readContractFile(file: string): ContractRow[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new HeraldError('CAMPAIGN_INPUT_UNREADABLE', `Cannot read the contract file ${file}: ${(err as Error).message}`, { file }, { cause: err });
  }
  const name = path.basename(file);
  if (/\.csv$/i.test(file)) return rowsFromCsv(text, name);
  if (/\.json$/i.test(file)) return rowsFromJson(text, name);
  throw new HeraldError('CAMPAIGN_INPUT_UNREADABLE', `${name}: contract files are .csv (Chinese headers) or .json (a list of rows).`, { file });
}

/**
 * Contract rows from a card answer, read the way the campaign's v1 job read its card. `cardId`
 * names the card in errors (Settings → Data sources says which card a campaign reads).
 */
export function rowsFromCard(card: CardResult, campaign: Campaign, cardId: number | string = 'The card'): ContractRow[] {
  const { variant } = campaign;
  if (variant.legacy) return legacyRowsFromCard(card, variant.legacy.columns, cardId);
  return mappedRowsFromCard(card, { parser: variant.db!.parser, keepPcContractdocNum: variant.db!.historicalFromPcContractdocNum }, cardId);
}
