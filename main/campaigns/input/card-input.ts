import type { CardResult } from '../../sources/types.js';
import { getCampaign } from '../configs/index.js';
import type { ContractRow } from './contract-row.js';
import { rowsFromCard } from './files.js';

/** The campaign job's input transform, run in the input worker thread (`prepareCardInput`). */
export function campaignRowsFromCard(card: CardResult, args: { variant: string; cardId: number }): ContractRow[] {
  return rowsFromCard(card, getCampaign(args.variant), args.cardId);
}
