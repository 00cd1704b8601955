import type { Migration } from './types.js';
import { coreSchema } from './0001-core.js';
import { jobsTriggersRuns } from './0100-jobs-triggers-runs.js';
import { outboxSchema } from './0200-outbox.js';
import { templateFirings } from './0220-template-firings.js';
import { campaignsSchema } from './0300-campaigns.js';
import { campaignConfigsSchema } from './0310-campaign-configs.js';
import { sourcesSchema } from './0390-sources.js';
import { monitorsSchema } from './0400-monitors.js';
import { shadowSchema } from './0500-shadow.js';
import { runModes } from './0501-run-modes.js';

/** Every migration Herald knows, one per line, in any order; the runner sorts by version. */
export const migrations: readonly Migration[] = [
  coreSchema,
  jobsTriggersRuns,
  outboxSchema,
  templateFirings,
  campaignsSchema,
  campaignConfigsSchema,
  sourcesSchema,
  monitorsSchema,
  shadowSchema,
  runModes,
];
