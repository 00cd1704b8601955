import type { Migration } from './types.js';

/** The shadow mode each run started in (control / shadow / candidate), shown in run history. */
export const runModes: Migration = {
  version: 501,
  name: 'shadow: the mode each run ran in',
  up: `
    ALTER TABLE runs ADD COLUMN mode TEXT CHECK (mode IN ('control', 'shadow', 'candidate'));
  `,
};
