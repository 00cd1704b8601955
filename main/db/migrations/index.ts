import type { Migration } from './types.js';
import { coreSchema } from './0001-core.js';
import { outboxSchema } from './0200-outbox.js';

/** Every migration Herald knows, in any order; the runner sorts by version. */
export const migrations: readonly Migration[] = [coreSchema, outboxSchema];
