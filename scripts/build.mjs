// Builds what `npm start` and the installer run: main/ transpiled file by file to out/main (ESM,
// same layout, so worker threads find their entry files), preload/ bundled to one CommonJS file
// (sandboxed preloads cannot load ES modules or node_modules), renderer/ through Vite.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as esbuild } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function tsFiles(dir) {
  return fs
    .readdirSync(path.join(root, dir), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => path.join(root, dir, f));
}

export async function buildMain() {
  fs.rmSync(path.join(root, 'out', 'main'), { recursive: true, force: true });
  await esbuild({
    entryPoints: tsFiles('main'),
    outdir: path.join(root, 'out', 'main'),
    outbase: path.join(root, 'main'),
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  await esbuild({
    entryPoints: [path.join(root, 'preload', 'index.ts')],
    outfile: path.join(root, 'out', 'preload', 'index.cjs'),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['electron'],
    logLevel: 'warning',
  });
}

function newestMtime(dir) {
  let newest = 0;
  for (const f of fs.readdirSync(dir, { recursive: true })) {
    const full = path.join(dir, String(f));
    const stat = fs.statSync(full);
    if (stat.isFile()) newest = Math.max(newest, stat.mtimeMs);
  }
  return newest;
}

export function rendererIsStale() {
  const index = path.join(root, 'out', 'renderer', 'index.html');
  if (!fs.existsSync(index)) return true;
  const built = fs.statSync(index).mtimeMs;
  const sources = [path.join(root, 'renderer'), path.join(root, 'main', 'api', 'contract'), path.join(root, 'vite.config.ts')];
  return sources.some((s) => (fs.statSync(s).isDirectory() ? newestMtime(s) : fs.statSync(s).mtimeMs) > built);
}

export async function buildRenderer() {
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}

export async function buildAll({ onlyIfStale = false } = {}) {
  await buildMain();
  if (!onlyIfStale || rendererIsStale()) await buildRenderer();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildAll();
  console.log('Built out/main, out/preload and out/renderer.');
}
