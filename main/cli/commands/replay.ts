import path from 'node:path';
import { Option, type Command } from 'commander';
import type { QuirkFix, ReplayResult } from '../../campaigns/index.js';
import { collect, isoTime, month } from '../options.js';
import { createProgress } from '../progress.js';

interface ReplayOptions {
  campaign: string;
  pipeline?: 'v1-ledger' | 'v1-db';
  month?: string;
  batch: string[];
  fix?: string[];
  at?: Date;
  json?: boolean;
  csv?: boolean;
}

function summary(result: ReplayResult): string {
  const lines = [`${result.campaign} (${result.pipeline}): ${result.batches.length} batch(es)`];
  result.batches.forEach((b, i) => {
    lines.push(`  batch ${i + 1}: ${b.records.length} record(s), ${b.messages.length} message(s)`);
    for (const w of b.warnings) lines.push(`    warning: ${w}`);
  });
  lines.push('Add --json for the records and messages, --csv for the ledger.');
  return `${lines.join('\n')}\n`;
}

export function registerReplay(program: Command): void {
  program
    .command('replay')
    .description('Run the campaign engine over contract files as successive runs, in a throw-away store, sending nothing')
    .requiredOption('--campaign <variant>', 'campaign variant, e.g. SH-2025-09, SH-2025-09@new, BJ-2025-10, BJ-SIGN-BROADCAST')
    .addOption(new Option('--pipeline <pipeline>', 'where a month has both (September): which pipeline').choices(['v1-ledger', 'v1-db']))
    .option('--month <YYYY-MM>', 'month of monthly activity codes (broadcasts; default: the current Asia/Shanghai month)', month)
    .requiredOption('--batch <file>', 'contract file (.csv with the Chinese headers or .json list of rows), the cumulative list of one run; repeat for more runs', collect)
    .option('--fix <name>', 'switch on a named fix of a v1 quirk (repeatable; see main/campaigns/README.md)', collect)
    .option('--at <iso-time>', "the runs' logical time (登记时间, badge lists; default now)", isoTime)
    .addOption(new Option('--json', 'print {campaign, pipeline, batches: [{records, messages}]}').conflicts('csv'))
    .addOption(new Option('--csv', "print the stored ledger after the last batch in v1's CSV columns").conflicts('json'))
    .addHelpText('after', '\nExample:\n  herald replay --campaign BJ-2025-10 --batch day1.csv --batch day2.csv --json\n')
    .action(async (opts: ReplayOptions) => {
      const { QUIRK_FIXES, campaignFor, ledgerCsv, readContractFile, replayCampaign, replayJson } = await import('../../campaigns/index.js');
      const { HeraldError } = await import('../../shared/errors.js');
      const unknownFix = (opts.fix ?? []).find((f) => !(f in QUIRK_FIXES));
      if (unknownFix) throw new HeraldError('CAMPAIGN_UNKNOWN_FIX', `There is no fix named ${unknownFix} (known: ${Object.keys(QUIRK_FIXES).join(', ')}).`, { fix: unknownFix });
      campaignFor(opts.campaign, opts.pipeline);
      const progress = createProgress('replay');
      const batches = opts.batch.map((file, i) => {
        progress.update(i, opts.batch.length, `reading ${path.basename(file)}`);
        return readContractFile(file);
      });
      const rows = batches.reduce((n, b) => n + b.length, 0);
      progress.update(opts.batch.length, opts.batch.length, `replaying ${rows} contract rows`);
      const result = replayCampaign({
        variant: opts.campaign,
        batches,
        exportLedger: opts.csv === true,
        ...(opts.pipeline ? { pipeline: opts.pipeline } : {}),
        ...(opts.month ? { month: opts.month } : {}),
        ...(opts.fix ? { fixes: opts.fix as QuirkFix[] } : {}),
        ...(opts.at ? { scheduledAt: opts.at } : {}),
      });
      progress.finish();
      if (opts.json) process.stdout.write(replayJson(result));
      else if (opts.csv) process.stdout.write(ledgerCsv(result.ledger!));
      else process.stdout.write(summary(result));
    });
}
