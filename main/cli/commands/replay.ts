import path from 'node:path';
import { Option, type Command } from 'commander';
import type { QuirkFix } from '../../campaigns/index.js';
import { collect, isoTime, month } from '../options.js';
import { ChunkedOutput, HeldOutput } from '../output.js';
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

interface BatchSummary {
  records: number;
  messages: number;
  warnings: string[];
}

function summary(campaign: string, pipeline: string, batches: readonly BatchSummary[]): string {
  const lines = [`${campaign} (${pipeline}): ${batches.length} batch(es)`];
  batches.forEach((b, i) => {
    lines.push(`  batch ${i + 1}: ${b.records} record(s), ${b.messages} message(s)`);
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
      const { QUIRK_FIXES, campaignFor, ledgerCsv, openReplay, readContractFile, replayBatchJson, replayJsonHead, replayJsonTail } = await import('../../campaigns/index.js');
      const { HeraldError } = await import('../../shared/errors.js');
      const unknownFix = (opts.fix ?? []).find((f) => !(f in QUIRK_FIXES));
      if (unknownFix) throw new HeraldError('CAMPAIGN_UNKNOWN_FIX', `There is no fix named ${unknownFix} (known: ${Object.keys(QUIRK_FIXES).join(', ')}).`, { fix: unknownFix });
      campaignFor(opts.campaign, opts.pipeline);
      const progress = createProgress('replay');
      const session = openReplay({
        variant: opts.campaign,
        ...(opts.pipeline ? { pipeline: opts.pipeline } : {}),
        ...(opts.month ? { month: opts.month } : {}),
        ...(opts.fix ? { fixes: opts.fix as QuirkFix[] } : {}),
        ...(opts.at ? { scheduledAt: opts.at } : {}),
      });
      // One batch at a time: read, run, write out, let go. Batches before the last wait in a file:
      // a later batch's error must leave stdout empty.
      const out = new ChunkedOutput();
      const held = opts.json && opts.batch.length > 1 ? new HeldOutput() : undefined;
      try {
        const batches: BatchSummary[] = [];
        for (const [i, file] of opts.batch.entries()) {
          progress.update(i, opts.batch.length, `replaying ${path.basename(file)}`);
          // The rows are not kept past the run: at 100,000 contracts they are ~170 MB.
          const batch = session.run(readContractFile(file));
          batches.push({ records: batch.records.length, messages: batch.messages.length, warnings: batch.warnings });
          if (!opts.json) continue;
          const last = i === opts.batch.length - 1;
          if (last) await held?.release(out);
          const sink = last ? out : held!;
          if (i === 0) await sink.write(replayJsonHead(session.campaign, session.pipeline));
          for (const piece of replayBatchJson(batch, i)) await sink.write(piece);
        }
        progress.finish();
        if (opts.json) await out.write(replayJsonTail(batches.length));
        else if (opts.csv) await out.write(ledgerCsv(session.ledger()));
        else await out.write(summary(session.campaign, session.pipeline, batches));
        await out.flush();
      } finally {
        held?.discard();
        session.close();
      }
    });
}
