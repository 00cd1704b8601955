import type { JobDefinition } from './types.js';
import type { MetabaseClient } from '../sources/types.js';
import type { Waker } from '../triggers/waker.js';
import type { NotificationStats } from '../shadow/run-store.js';

/**
 * A job catalogue and the module it comes from. The main thread schedules `jobs`; a worker thread
 * imports `module` (which must export `catalogue: JobDefinition[]`) to find the pipeline it runs,
 * because functions cannot be sent to a worker.
 */
export interface CatalogueRef {
  jobs: readonly JobDefinition[];
  module: string;
}

/** What a Herald's jobs run with; everything has a production default, tests inject their own. */
export interface JobsConfig {
  catalogue?: CatalogueRef;
  /** A module exporting `enqueueMessage: Enqueue` that workers use to enqueue a run's messages. */
  enqueueModule?: string;
  metabase?: MetabaseClient;
  waker?: Waker;
  tickMs?: number;
  graceMs?: number;
  /** Runs of different jobs at once (each in its own worker thread). */
  maxParallel?: number;
  /**
   * How a run's messages were delivered, for shadow mode's notification KPI and rollback trigger
   * (the outbox supplies it); by default nothing is known.
   */
  notificationStats?: NotificationStats;
}

/**
 * A module next to `importMetaUrl`: the `.ts` source under tsx (development, tests) and the `.js`
 * that `npm run build` writes next to it in `out/main`.
 */
export function siblingModule(importMetaUrl: string, relativeWithoutExtension: string): string {
  const extension = importMetaUrl.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`${relativeWithoutExtension}${extension}`, importMetaUrl).href;
}
