import type { LegacyConfig } from '../configs/schema.js';
import { processBeijing } from './bj.js';
import { processBeijingSeptember } from './bj-sep.js';
import { processShanghai } from './sh.js';
import { processShanghaiSeptember } from './sh-sep.js';
import type { LegacyRecord, LegacyRun } from './types.js';

const PROCESSORS: Record<LegacyConfig['flavor'], (run: LegacyRun, source: string) => LegacyRecord[]> = {
  bj: processBeijing,
  'bj-sep': processBeijingSeptember,
  sh: processShanghai,
  'sh-sep': processShanghaiSeptember,
};

/** Runs the variant's legacy campaign function over the run's contracts and the ledger state. */
export function processLegacy(run: LegacyRun, source: string): LegacyRecord[] {
  return PROCESSORS[run.campaign.variant.legacy!.flavor](run, source);
}

export { deriveLedgerState, ledgerKey } from './ledger-state.js';
export { legacyContracts } from './contracts.js';
export type { LedgerRow, LegacyRecord, LegacyRun } from './types.js';
