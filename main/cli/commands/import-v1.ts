import type { Command } from 'commander';
import type { Herald } from '../../core/herald.js';
import { openForChange, withHerald, type CliContext } from '../context.js';
import { printJson } from '../format.js';
import { createProgress } from '../progress.js';

/** A job's settings as this Herald runs it, completed with the monitor's defaults (the import routes monitor messages by them). */
async function settingsOf(herald: Herald): Promise<(jobId: string) => Record<string, unknown>> {
  const { jobsFor } = await import('../../jobs/service.js');
  const { MONITOR_JOBS } = await import('../../monitors/definitions.js');
  const jobs = jobsFor(herald);
  return (jobId) => {
    let stored: Record<string, unknown> = {};
    try {
      if (jobs.jobs.has(jobId)) stored = jobs.config.runSettings(jobId);
    } catch {
      stored = {};
    }
    const schema = MONITOR_JOBS[jobId]?.settingsSchema;
    const parsed = schema?.safeParse(stored);
    return parsed?.success ? parsed.data : (schema?.parse({}) ?? stored);
  };
}

export function registerImportV1(program: Command, ctx: CliContext): void {
  program
    .command('import-v1')
    .description("Take over v1's state so that nothing v1 already announced is announced again (takes the data-folder lock; importing twice changes nothing)")
    .argument('<path>', "v1's PC working folder (PerformanceData-*.csv, send_status_*.json, technician_status_record.json, tasks.db, performance_data.db — in it or in state/) or a copy of v1's SQLite database")
    .option('--dry-run', 'report what would be taken, write nothing')
    .option('--json', 'print the report as JSON')
    .addHelpText('after', '\nExamples:\n  herald import-v1 D:\\sales-reward --dry-run\n  herald import-v1 turso-copy.sqlite\n')
    .action(async (source: string, opts: { dryRun?: boolean; json?: boolean }, cmd: Command) => {
      const { importV1, importReportText } = await import('../../v1import/index.js');
      await withHerald(openForChange(cmd, ctx), async (herald) => {
        const progress = createProgress('import-v1');
        const report = importV1(herald.db, source, {
          ...(opts.dryRun ? { dryRun: true } : {}),
          settingsOf: await settingsOf(herald),
          progress: (done, total, step) => progress.update(done, total, step),
        });
        progress.finish();
        if (!opts.dryRun) {
          herald.log.info('v1 state imported', { source: report.source, ledgerRows: report.ledgerRows.new, performanceRows: report.performanceRows.new, notifications: report.notifications.new });
          for (const topic of ['campaigns', 'outbox', 'jobs'] as const) herald.events.invalidate(topic);
        }
        if (opts.json) printJson(report);
        else process.stdout.write(importReportText(report));
      });
    });
}
