import { Command } from 'commander';
import { appVersion } from '../core/app-info.js';
import { registerStart } from './commands/start.js';

export function createProgram(): Command {
  const program = new Command('herald')
    .description('Herald runs the office\'s scheduled jobs and delivers their notifications exactly once.')
    .version(appVersion)
    .option('--data-dir <dir>', 'where Herald keeps its data (default: the OS user-data folder)')
    .showHelpAfterError();
  registerStart(program);
  return program;
}
