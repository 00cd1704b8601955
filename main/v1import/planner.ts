import type { ImportPlan, PlannedNotification } from './types.js';

const RANK: Record<PlannedNotification['status'], number> = { sent: 4, unknown: 3, failed: 2, dead: 1 };

/**
 * Collects an import: rows, notifications and what was left out. A notification found twice (a
 * task and a CSV flag; two v1 outbox rows of one contract whose text changed) is kept once: a
 * delivery record beats a mere flag, then sent > unknown > failed > dead — one sent row means it
 * arrived; a pending one means it may have.
 */
export class Planner {
  private readonly byIdentity = new Map<string, PlannedNotification>();

  constructor(readonly plan: Omit<ImportPlan, 'notifications'>) {}

  static identity(n: Pick<PlannedNotification, 'businessType' | 'businessId' | 'recipient'>): string {
    return JSON.stringify([n.businessType, n.businessId, n.recipient]);
  }

  notify(n: PlannedNotification): void {
    const key = Planner.identity(n);
    const held = this.byIdentity.get(key);
    if (!held) return void this.byIdentity.set(key, n);
    const better = (n.evidence === 'record') !== (held.evidence === 'record') ? n.evidence === 'record' : RANK[n.status] > RANK[held.status];
    const winner = better ? n : held;
    const other = better ? held : n;
    this.byIdentity.set(key, { ...winner, ...(!winner.content && other.content ? { content: other.content } : {}), ...(winner.monitor || other.monitor ? { monitor: winner.monitor ?? other.monitor } : {}) });
  }

  has(n: Pick<PlannedNotification, 'businessType' | 'businessId' | 'recipient'>): boolean {
    return this.byIdentity.has(Planner.identity(n));
  }

  skip(source: string, reason: string): void {
    this.plan.skipped.push({ source, reason });
  }

  result(): ImportPlan {
    return { ...this.plan, notifications: [...this.byIdentity.values()] };
  }
}

export function emptyPlan(kind: ImportPlan['kind'], source: string): Omit<ImportPlan, 'notifications'> {
  return { kind, source, files: [], ledgerRows: [], performanceRows: [], pendingOrders: [], slaViolations: [], leftForHerald: [], skipped: [], notes: [] };
}
