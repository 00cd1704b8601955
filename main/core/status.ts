import type { z } from 'zod';
import type { StatusSchema } from '../api/contract/system.js';

export type Status = z.infer<typeof StatusSchema>;
export type StatusContribution = Partial<Pick<Status, 'pausedAll' | 'runningJobs' | 'failures'>>;

/**
 * Capabilities report what the tray and the header need (paused, running, recent failures);
 * this folds them into one status where the worst state wins.
 */
export class StatusBoard {
  private readonly sources = new Set<() => StatusContribution>();

  contribute(source: () => StatusContribution): () => void {
    this.sources.add(source);
    return () => this.sources.delete(source);
  }

  current(): Status {
    let pausedAll = false;
    const runningJobs: Status['runningJobs'] = [];
    const failures: Status['failures'] = [];
    for (const source of this.sources) {
      const c = source();
      pausedAll ||= c.pausedAll ?? false;
      runningJobs.push(...(c.runningJobs ?? []));
      failures.push(...(c.failures ?? []));
    }
    const state = failures.length > 0 ? 'failed' : pausedAll ? 'paused' : 'ok';
    return { state, pausedAll, runningJobs, failures };
  }
}
