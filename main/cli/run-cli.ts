import { CommanderError } from 'commander';
import { createProgram } from './program.js';
import type { CliContext } from './context.js';

/** The error as one line: a person (or a script's log) sees what went wrong without a stack. */
export function oneLine(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ').trim();
}

/**
 * Parses and runs one command; resolves with the exit code: 0 on success (and for --help,
 * --version); otherwise `herald: <one line>` on stderr and 2 for a usage error (unknown command or
 * option, missing or invalid argument), 1 for a failure.
 */
export async function runCli(argv: readonly string[], ctx: CliContext = {}): Promise<number> {
  try {
    await createProgram(ctx).parseAsync(argv as string[]);
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      process.stderr.write(`herald: ${oneLine(err)} (see --help)\n`);
      return 2;
    }
    process.stderr.write(`herald: ${oneLine(err)}\n`);
    return 1;
  }
}
