import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import fs from 'node:fs';
import type { Command } from 'commander';
import { projectRoot } from '../../core/app-info.js';
import { resolveDataDir } from '../data-dir.js';
import type { CliContext } from '../context.js';
import { positiveInt } from '../options.js';

/**
 * The Electron binary when the optional `electron` package installed it, else undefined. In an
 * installed Herald, herald.cmd runs this CLI on Herald.exe itself (as Node): the app is that binary.
 */
export function electronBinary(): string | undefined {
  if (process.versions.electron) return process.execPath;
  try {
    const binary = createRequire(import.meta.url)('electron') as unknown;
    return typeof binary === 'string' && fs.existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

export function registerStart(program: Command, ctx: CliContext = {}): void {
  program
    .command('start')
    .description('Run Herald: the tray app where Electron is installed, otherwise headless mode')
    .option('--headless', 'serve the UI over http://127.0.0.1 instead of opening the tray app')
    .option('--demo', 'start with bundled sample data and local fake Metabase / WeCom servers')
    .option('--port <n>', 'port for headless mode (default: a free port)', positiveInt)
    .addHelpText('after', '\nExample:\n  herald start --headless --port 8800\n')
    .action(async (opts: { headless?: boolean; demo?: boolean; port?: number }, cmd: Command) => {
      const dataDir = resolveDataDir(cmd, opts.demo ?? false);
      const electron = opts.headless ? undefined : electronBinary();
      const appMain = path.join(projectRoot, 'out', 'main', 'app', 'main.js');
      const packaged = process.versions.electron !== undefined;
      if (electron && (packaged || fs.existsSync(appMain))) {
        // The installed app starts its own main (package.json); a checkout's Electron is given the file.
        const args = [...(packaged ? [] : [appMain]), '--data-dir', dataDir, ...(opts.demo ? ['--demo'] : [])];
        const child = spawn(electron, args, { stdio: 'inherit', env: { ...process.env, ELECTRON_RUN_AS_NODE: undefined } });
        child.on('exit', (code) => process.exit(code ?? 0));
        return;
      }
      if (!opts.headless) console.log('Electron is not installed here: starting headless mode.');
      const { startHeadless } = await import('../../api/http/headless.js');
      const running = await startHeadless({ dataDir, demo: opts.demo ?? false, ...(opts.port !== undefined ? { port: opts.port } : {}), ...(ctx.jobs ? { jobs: ctx.jobs } : {}) });
      console.log(`Herald is running (data: ${dataDir}).`);
      console.log(`Open ${running.server.loginUrl}`);
      const shutdown = () => {
        void running.stop().then(() => process.exit(0));
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    });
}
