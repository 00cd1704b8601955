// `npm start [-- --demo] [-- --headless] [-- --data-dir DIR] [-- --port N]`: build what changed,
// then `herald start` — the tray app where Electron is installed, otherwise headless mode.
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildAll } from './build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
await buildAll({ onlyIfStale: true });
const args = process.argv.slice(2);
const child = spawn(process.execPath, [path.join(root, 'out', 'main', 'cli', 'main.js'), 'start', ...args], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
