import type { Migration } from './types.js';
import { coreSchema } from './0001-core.js';
import { sourcesSchema } from './0390-sources.js';
import { shadowSchema } from './0500-shadow.js';

/** Every migration Herald knows, in any order; the runner sorts by version. */
export const migrations: readonly Migration[] = [coreSchema, sourcesSchema, shadowSchema];
