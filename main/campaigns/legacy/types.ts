import type { Campaign } from '../configs/index.js';
import type { PyNum, PyValue, RecordBuilder } from '../rules/py.js';

/**
 * The file-era ("legacy") campaign functions (spec §3.6). Each run gets the whole period's contracts
 * and the ledger (v1's `PerformanceData-*.csv`); it re-derives every counter from the contracts and
 * records only contracts the ledger does not hold yet.
 */

/** A contract as the legacy function saw it: column → value (text after v1's CSV round trip). */
export interface LegacyContract {
  get(column: string): PyValue | undefined;
}

/** A ledger row: header → text, as `csv.DictReader` read v1's PerformanceData CSV back. */
export type LedgerRow = Readonly<Record<string, string>>;

export interface HousekeeperBaseline {
  count: number;
  total: PyNum;
  performance: PyNum;
}

/** What v1 derived from the ledger before each run (spec §3.1, §3.6.4). */
export interface LedgerState {
  existingIds: ReadonlySet<string>;
  /** Award names per housekeeper key, from the `奖励名称` cells (first-seen order). */
  awardLists: ReadonlyMap<string, Set<string>>;
  /** BJ September: non-historical rows and what they add up to. */
  nonHistoricalCount: number;
  baselines: ReadonlyMap<string, HousekeeperBaseline>;
  /** BJ September: Σ `计入业绩金额` per work order over all rows. */
  projectTotals: ReadonlyMap<string, PyNum>;
  /** BJ September: the non-historical rows, for the signed-date cumulative performance. */
  newContractRows: readonly LedgerRow[];
}

export interface LegacyRecord {
  id: string;
  housekeeperKey: string;
  record: RecordBuilder;
  /** BJ September historical contracts are recorded but never announced. */
  historical: boolean;
}

export interface LegacyRun {
  campaign: Campaign;
  contracts: readonly LegacyContract[];
  ledger: LedgerState;
  /** `登记时间` as v1 stamped it with the host clock (the run's scheduled time, Asia/Shanghai). */
  registeredAt: { date: string; datetime: string };
  /** A contract id seen again in the same input (v1 skipped it; Herald reports it). */
  onDuplicate(id: string, index: number): void;
  fixes: { shSepDuplicateExistingCountedTwice: boolean };
}
