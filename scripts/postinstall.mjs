// After `npm ci`/`npm install`. Electron is an optional dependency: where its binary could not be
// downloaded npm dropped it and there is nothing to do (Herald runs headless). Where it is
// present, better-sqlite3 must be rebuilt for Electron's ABI; the Node build is kept aside first
// (main/db/native-binding.ts loads it outside Electron), so tests, the CLI and headless mode keep
// working from the same checkout.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function electronInstalled() {
  try {
    const binary = require('electron');
    return typeof binary === 'string' && fs.existsSync(binary);
  } catch {
    return false;
  }
}

if (process.env.HERALD_SKIP_ELECTRON_REBUILD || !electronInstalled()) {
  console.log('herald: Electron is not installed; headless mode and the CLI use the Node build of better-sqlite3.');
  process.exit(0);
}

const built = path.join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
const keep = path.join(root, 'node_modules', '.herald', 'node-abi', 'better_sqlite3.node');
fs.mkdirSync(path.dirname(keep), { recursive: true });
fs.copyFileSync(built, keep);
console.log('herald: kept the Node build of better-sqlite3; rebuilding it for Electron…');
const result = spawnSync(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['electron-builder', 'install-app-deps'], {
  cwd: root,
  stdio: 'inherit',
  shell: process.platform === 'win32',
});
if (result.status !== 0) {
  console.error('herald: rebuilding better-sqlite3 for Electron failed; the tray app will not start until `npx electron-builder install-app-deps` succeeds.');
  process.exit(result.status ?? 1);
}
