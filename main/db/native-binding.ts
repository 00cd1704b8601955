import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

/**
 * better-sqlite3 is a native addon compiled for one ABI. Where Electron is installed the postinstall
 * step rebuilds it in place for Electron and first keeps the Node build aside
 * (`node_modules/.herald/node-abi/`), so the app, the headless server, the CLI and the tests can all
 * load a matching binary from one checkout. Inside Electron the in-place build is the right one.
 */
export const NODE_ABI_COPY = path.join('.herald', 'node-abi', 'better_sqlite3.node');

export function nativeBindingPath(): string | undefined {
  if (process.versions.electron) return undefined;
  const require = createRequire(import.meta.url);
  let pkg: string;
  try {
    pkg = require.resolve('better-sqlite3/package.json');
  } catch {
    return undefined;
  }
  const nodeModules = path.resolve(path.dirname(pkg), '..');
  const copy = path.join(nodeModules, NODE_ABI_COPY);
  return fs.existsSync(copy) ? copy : undefined;
}
