import type { PyNum } from '../rules/py.js';
import { add, float, int, ZERO } from '../rules/py.js';
import type { DbStats, OrderType } from '../rules/rewards.js';

/**
 * The stored state of a database campaign (v1's `performance_data` rows of one activity) and the
 * per-housekeeper statistics v1 queried for every contract — here aggregated once per run and kept
 * up to date in memory as the run saves rows, with SQLite's `SUM` typing: a sum over stored REAL
 * amounts is a float; a sum over no matching row is the integer 0.
 */

export interface StoredRow {
  contractId: string;
  /** The housekeeper key (Shanghai: `name_provider`). */
  housekeeper: string;
  serviceProvider: string;
  contractAmount: number;
  performanceAmount: number;
  projectId: string;
  orderType: OrderType;
  contractSequence: number;
  rewardTypes: string[];
  rewardNames: string[];
  isHistorical: boolean;
  notificationSent: boolean;
  remarks: string;
  /** `项目地址(projectAddress)` of the row (self-referral de-duplication across runs). */
  projectAddress: string;
}

export class ActivityState {
  readonly existingIds = new Set<string>();
  private readonly stats = new Map<string, DbStats>();
  private readonly projectUsage = new Map<string, PyNum>();
  private readonly addresses = new Map<string, Set<string>>();
  nonHistoricalCount = 0;
  rowCount = 0;

  constructor(rows: readonly StoredRow[]) {
    for (const r of rows) this.add(r);
  }

  /** The key's statistics over non-historical rows, and its awards over all rows. */
  statsOf(key: string): DbStats {
    let s = this.stats.get(key);
    if (!s) {
      s = { count: 0, total: ZERO, performance: ZERO, awarded: new Set(), platformCount: 0, platformAmount: ZERO, selfCount: 0, selfAmount: ZERO };
      this.stats.set(key, s);
    }
    return s;
  }

  /** Σ performance of a work order's stored rows (the across-runs work-order limit fix). */
  projectUsed(projectId: string): PyNum {
    return this.projectUsage.get(projectId) ?? ZERO;
  }

  /** Project addresses of the key's stored self-referral rows (the across-runs de-duplication fix). */
  addressesOf(key: string): ReadonlySet<string> {
    return this.addresses.get(key) ?? new Set();
  }

  /** Accounts a saved row, as the next `SUM` query would see it. */
  add(r: StoredRow): void {
    this.existingIds.add(r.contractId);
    this.rowCount += 1;
    const s = this.statsOf(r.housekeeper);
    for (const n of r.rewardNames) s.awarded.add(n);
    if (r.projectId) this.projectUsage.set(r.projectId, add(this.projectUsed(r.projectId), float(r.performanceAmount)));
    if (r.orderType === 'self_referral' && r.projectAddress) {
      let set = this.addresses.get(r.housekeeper);
      if (!set) this.addresses.set(r.housekeeper, (set = new Set()));
      set.add(r.projectAddress);
    }
    if (r.isHistorical) return;
    this.nonHistoricalCount += 1;
    const amount = float(r.contractAmount);
    s.count += 1;
    s.total = add(s.total, amount);
    s.performance = add(s.performance, float(r.performanceAmount));
    const platform = r.orderType === 'platform';
    s.platformCount += platform ? 1 : 0;
    s.platformAmount = add(s.platformAmount, platform ? amount : int(0));
    s.selfCount += platform ? 0 : 1;
    s.selfAmount = add(s.selfAmount, platform ? int(0) : amount);
  }
}

/** Statistics rebuilt from zero in memory (the performance broadcast's refresh mode). */
export function zeroStats(): DbStats {
  return { count: 0, total: float(0), performance: float(0), awarded: new Set(), platformCount: 0, platformAmount: float(0), selfCount: 0, selfAmount: float(0) };
}
