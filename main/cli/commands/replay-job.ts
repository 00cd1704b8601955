import fs from 'node:fs';
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { ReplayResult } from '../../monitors/replay.js';
import { collect, isoTime } from '../options.js';
import { createProgress } from '../progress.js';

interface ReplayJobOptions {
  run: string[];
  set?: string[];
  pipeline?: 'v1-exact' | 'herald';
  json?: boolean;
}

/** `AT=FILE`: the scheduled time (ISO 8601 with offset) and the card rows of that run. */
function runSpec(value: string): { at: string; file: string } {
  const i = value.indexOf('=');
  if (i <= 0 || i === value.length - 1) throw new InvalidArgumentError(`${value} is not AT=FILE (e.g. 2026-09-14T09:00:00+08:00=run-1.json).`);
  const at = value.slice(0, i);
  isoTime(at);
  return { at, file: value.slice(i + 1) };
}

/** `NAME=VALUE`: VALUE as JSON when it is JSON (numbers, booleans, lists), else as text. */
export function settingOverride(value: string): [string, unknown] {
  const i = value.indexOf('=');
  if (i <= 0) throw new InvalidArgumentError(`${value} is not NAME=VALUE (e.g. lookbackMinutes=30).`);
  const raw = value.slice(i + 1);
  try {
    return [value.slice(0, i), JSON.parse(raw) as unknown];
  } catch {
    return [value.slice(0, i), raw];
  }
}

/** What `--json` prints (issue 8): per run its time, the messages v1 would have posted, and v1's error. */
export function replayJobJson(result: ReplayResult): string {
  const runs = result.runs.map((r) => ({ at: r.at, messages: r.messages.map((m) => ({ recipient: m.recipient, message: m.message })), ...(r.error ? { error: r.error } : {}) }));
  return `${JSON.stringify({ job: result.job, runs }, null, 2)}\n`;
}

export function registerReplayJob(program: Command): void {
  program
    .command('replay-job')
    .description('Run a monitoring job over card files as successive runs in one throw-away store, sending nothing')
    .argument('<job>', 'job id, e.g. sla-daily-report, pending-orders-reminder, housekeeper-offline-broadcast, smartsheet-payment-records')
    .requiredOption('--run <at=file>', 'scheduled time (ISO 8601 with offset) = a JSON list of card rows or a raw Metabase response; repeat for more runs', collect)
    .option('--set <name=value>', 'override a job setting for the replay, e.g. lookbackMinutes=30 (repeatable)', collect)
    .addOption(new Option('--pipeline <pipeline>', "v1-exact: stop where v1 stopped on bad data (default); herald: skip bad rows with a warning").choices(['v1-exact', 'herald']))
    .option('--json', 'print {job, runs: [{at, messages: [{recipient, message}]}]}')
    .addHelpText('after', '\nExample:\n  herald replay-job housekeeper-offline-broadcast --run 2026-07-01T09:00:00+08:00=run-1.json --set lookbackMinutes=30 --json\n')
    .action(async (jobId: string, opts: ReplayJobOptions) => {
      const { replayJob } = await import('../../monitors/replay.js');
      const { cardFromFixtureText } = await import('../../monitors/fixture-card.js');
      const { MONITOR_JOBS, MONITOR_JOB_IDS } = await import('../../monitors/definitions.js');
      const { HeraldError } = await import('../../shared/errors.js');
      if (!MONITOR_JOBS[jobId]) throw new HeraldError('MONITOR_UNKNOWN_JOB', `There is no monitoring job ${jobId} (known: ${MONITOR_JOB_IDS.join(', ')}).`, { jobId });
      const specs = opts.run.map(runSpec);
      const overrides = Object.fromEntries((opts.set ?? []).map(settingOverride));
      const progress = createProgress('replay-job');
      const runs = specs.map(({ at, file }, i) => {
        progress.update(i, specs.length, `reading ${file}`);
        let text: string;
        try {
          text = fs.readFileSync(file, 'utf8');
        } catch (err) {
          throw new HeraldError('REPLAY_INPUT_UNREADABLE', `Cannot read the card file ${file}: ${(err as Error).message}`, { file });
        }
        return { at, card: cardFromFixtureText(jobId, text) };
      });
      progress.update(specs.length, specs.length, 'replaying');
      const result = replayJob(jobId, runs, overrides, opts.pipeline ? { pipeline: opts.pipeline } : {});
      progress.finish();
      for (const [i, r] of result.runs.entries()) for (const w of r.warnings ?? []) process.stderr.write(`run ${i + 1}: warning: ${w}\n`);
      if (opts.json) {
        process.stdout.write(replayJobJson(result));
        return;
      }
      const lines = result.runs.map((r, i) => `run ${i + 1} (${r.at}): ${r.messages.length} message(s)${r.error ? `; v1 stopped: ${r.error}` : ''}`);
      process.stdout.write(`${result.job}\n${lines.join('\n')}\nAdd --json for the messages.\n`);
    });
}
