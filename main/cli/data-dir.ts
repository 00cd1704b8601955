import type { Command } from 'commander';
import { dataDirFor } from '../core/paths.js';

/** `--data-dir` from the root program, else the OS user-data folder; the demo gets its own folder. */
export function resolveDataDir(cmd: Command, demo = false): string {
  return dataDirFor(cmd.optsWithGlobals<{ dataDir?: string }>().dataDir, demo);
}
