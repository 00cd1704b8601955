import { Command } from 'commander';
import { appVersion } from '../core/app-info.js';
import type { CliContext } from './context.js';
import { registerStart } from './commands/start.js';
import { registerReplay } from './commands/replay.js';
import { registerReplayJob } from './commands/replay-job.js';
import { registerStatus } from './commands/status.js';
import { registerExport } from './commands/export.js';
import { registerDb } from './commands/db.js';
import { registerRun } from './commands/run.js';
import { registerImportV1 } from './commands/import-v1.js';

export function createProgram(ctx: CliContext = {}): Command {
  const program = new Command('herald')
    .description("Herald runs the office's scheduled jobs and delivers their notifications exactly once.")
    .version(appVersion)
    .option('--data-dir <dir>', 'where Herald keeps its data (default: HERALD_DATA_DIR, else the OS user-data folder)')
    // Errors are printed by runCli as one line; commander must not print or exit on its own.
    .exitOverride()
    .configureOutput({ outputError: () => undefined })
    .showSuggestionAfterError(false);
  registerStart(program, ctx);
  registerReplay(program);
  registerReplayJob(program);
  registerRun(program, ctx);
  registerStatus(program, ctx);
  registerImportV1(program, ctx);
  registerExport(program, ctx);
  registerDb(program, ctx);
  return program;
}
