import fs from 'node:fs';
import { Option, type Command } from 'commander';
import type { MethodOutput } from '../../api/contract/index.js';
import { apiFor, openForReading, withHerald, type CliContext } from '../context.js';
import { dayOrTime, month } from '../options.js';
import { printJson } from '../format.js';
import { createProgress } from '../progress.js';

type RunSummary = MethodOutput<'runs.list'>['runs'][number];

const RUN_COLUMNS: Array<[string, (r: RunSummary) => unknown]> = [
  ['id', (r) => r.id],
  ['job', (r) => r.jobId],
  ['trigger', (r) => r.triggerKind],
  ['status', (r) => r.status],
  ['scheduled_at', (r) => r.scheduledAt],
  ['started_at', (r) => r.startedAt],
  ['finished_at', (r) => r.finishedAt],
  ['duration_ms', (r) => r.durationMs],
  ['pipeline', (r) => r.pipeline],
  ['records', (r) => r.records],
  ['messages', (r) => r.messages],
  ['messages_new', (r) => r.messagesNew],
  ['warnings', (r) => r.warnings],
  ['counts', (r) => (Object.keys(r.counts).length ? JSON.stringify(r.counts) : '')],
  ['error_code', (r) => r.error?.code],
  ['error_message', (r) => r.error?.message],
  ['rerun_of', (r) => r.rerunOf],
];

const PAGE = 500;

export function registerExport(program: Command, ctx: CliContext): void {
  const exp = program.command('export').description('Export stored state (read-only, without the lock: works while Herald runs)');

  exp
    .command('ledger')
    .description("A campaign's stored ledger in v1's own columns (PerformanceData CSV, or the performance_data table's)")
    .argument('<variant>', 'campaign variant, e.g. SH-2025-09, BJ-2025-10, BJ-SIGN-BROADCAST')
    .option('--csv <file>', 'write the CSV to this file (default: standard output)')
    .addOption(new Option('--pipeline <pipeline>', 'September: the ledger of which pipeline').choices(['v1-ledger', 'v1-db']))
    .option('--month <YYYY-MM>', 'month of monthly activity codes (broadcasts; default: the current Asia/Shanghai month)', month)
    .addHelpText('after', '\nExample:\n  herald export ledger SH-2025-09 --csv PerformanceData-SH-Sep.csv\n')
    .action(async (variant: string, opts: { csv?: string; pipeline?: 'v1-ledger' | 'v1-db'; month?: string }, cmd: Command) => {
      const { campaignFor, ledgerCsv, ledgerExport } = await import('../../campaigns/index.js');
      campaignFor(variant, opts.pipeline);
      await withHerald(openForReading(cmd, ctx), (herald) => {
        const exported = ledgerExport(herald.db, variant, { ...(opts.pipeline ? { pipeline: opts.pipeline } : {}), ...(opts.month ? { month: opts.month } : {}) });
        const text = ledgerCsv(exported);
        if (!opts.csv) return void process.stdout.write(text);
        fs.writeFileSync(opts.csv, text);
        process.stdout.write(`${exported.rows.length} row(s) of ${variant} written to ${opts.csv}\n`);
      });
    });

  exp
    .command('runs')
    .description('Run history, oldest first, as CSV (or JSON)')
    .option('--since <date>', 'runs created on or after this day (YYYY-MM-DD, Asia/Shanghai) or instant (ISO 8601 with offset)', dayOrTime)
    .option('--job <id>', 'runs of one job only')
    .option('--json', 'print the runs as JSON (the API’s run summaries)')
    .addHelpText('after', '\nExample:\n  herald export runs --since 2026-03-01 > runs.csv\n')
    .action(async (opts: { since?: Date; job?: string; json?: boolean }, cmd: Command) => {
      const { stringify } = await import('csv-stringify/sync');
      await withHerald(openForReading(cmd, ctx), async (herald) => {
        const api = await apiFor(herald);
        const filter = { ...(opts.since ? { from: opts.since.toISOString() } : {}), ...(opts.job ? { jobId: opts.job } : {}) };
        const progress = createProgress('export runs');
        const runs: RunSummary[] = [];
        for (let page = 1; ; page += 1) {
          const result = await api('runs.list', { ...filter, page, pageSize: PAGE });
          runs.push(...result.runs);
          progress.update(runs.length, result.total);
          if (runs.length >= result.total || result.runs.length === 0) break;
        }
        progress.finish();
        runs.reverse();
        if (opts.json) return printJson(runs);
        const cell = (v: unknown) => (v === null || v === undefined ? '' : String(v));
        process.stdout.write(stringify([RUN_COLUMNS.map(([name]) => name), ...runs.map((r) => RUN_COLUMNS.map(([, get]) => cell(get(r))))]));
      });
    });
}
