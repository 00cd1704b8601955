import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/tmp.js';

const SCRIPT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'scripts', 'postinstall.mjs');

/** A checkout of its own: the postinstall script, a Node build of better-sqlite3 and, maybe, an electron package. */
function checkout(electron: 'absent' | 'binary-missing'): string {
  const root = tempDir();
  fs.mkdirSync(path.join(root, 'scripts'));
  fs.copyFileSync(SCRIPT, path.join(root, 'scripts', 'postinstall.mjs'));
  const release = path.join(root, 'node_modules', 'better-sqlite3', 'build', 'Release');
  fs.mkdirSync(release, { recursive: true });
  fs.writeFileSync(path.join(release, 'better_sqlite3.node'), 'node build');
  if (electron === 'binary-missing') {
    // What npm leaves when Electron's own download failed: the package, pointing at no binary.
    const pkg = path.join(root, 'node_modules', 'electron');
    fs.mkdirSync(pkg, { recursive: true });
    fs.writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: 'electron', main: 'index.js' }));
    fs.writeFileSync(path.join(pkg, 'index.js'), `module.exports = ${JSON.stringify(path.join(pkg, 'dist', 'electron'))};`);
  }
  return root;
}

function postinstall(root: string) {
  const env = { ...process.env };
  delete env.HERALD_SKIP_ELECTRON_REBUILD;
  return spawnSync(process.execPath, [path.join(root, 'scripts', 'postinstall.mjs')], { cwd: root, env, encoding: 'utf8' });
}

describe('postinstall', () => {
  it.each(['absent', 'binary-missing'] as const)('succeeds and leaves better-sqlite3 alone where Electron is %s', (electron) => {
    const root = checkout(electron);
    const result = postinstall(root);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Electron is not installed/);
    expect(fs.readFileSync(path.join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), 'utf8')).toBe('node build');
    expect(fs.existsSync(path.join(root, 'node_modules', '.herald'))).toBe(false);
  });
});
