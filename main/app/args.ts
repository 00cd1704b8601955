import { parseArgs } from 'node:util';
import { dataDirFor } from '../core/paths.js';
import { HIDDEN_FLAG } from './login-item.js';

export interface ShellArgs {
  dataDir: string;
  /** Whether --data-dir was given (the login item must then repeat it). */
  explicitDataDir: boolean;
  demo: boolean;
  /** Started at login: stay in the tray. */
  hidden: boolean;
}

/**
 * The app's command line (`herald start` passes --data-dir and --demo). Unknown switches are
 * ignored: Electron and Chromium add their own.
 */
export function parseShellArgs(argv: string[]): ShellArgs {
  const { values } = parseArgs({
    args: argv.slice(1),
    options: { 'data-dir': { type: 'string' }, demo: { type: 'boolean' }, [HIDDEN_FLAG.slice(2)]: { type: 'boolean' } },
    strict: false,
    allowPositionals: true,
  });
  const explicit = typeof values['data-dir'] === 'string' ? values['data-dir'] : undefined;
  const demo = values.demo === true;
  return { dataDir: dataDirFor(explicit, demo), explicitDataDir: explicit !== undefined, demo, hidden: values[HIDDEN_FLAG.slice(2)] === true };
}
