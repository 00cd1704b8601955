import type { Command } from 'commander';
import { defaultDataDir } from '../core/paths.js';

/** `--data-dir` from the root program, else the OS user-data folder; the demo gets its own folder. */
export function resolveDataDir(cmd: Command, demo = false): string {
  const root = cmd.optsWithGlobals<{ dataDir?: string }>();
  if (root.dataDir) return root.dataDir;
  const base = defaultDataDir();
  return demo ? `${base}-demo` : base;
}
