import type { Command } from 'commander';
import type { MethodOutput } from '../../api/contract/index.js';
import type { Herald } from '../../core/herald.js';
import type { ApiCall } from '../api.js';
import { apiFor, openForChange, withHerald, type CliContext } from '../context.js';
import { printJson, shownTime } from '../format.js';
import { isoTime, positiveInt } from '../options.js';
import { createProgress } from '../progress.js';

interface RunOptions {
  input?: string;
  at?: Date;
  dryRun?: boolean;
  send: boolean;
  sendTimeout: number;
  json?: boolean;
}

type RunDetail = MethodOutput<'runs.get'>;

const POLL_MS = 100;

async function untilFinished(api: ApiCall, runId: number): Promise<RunDetail> {
  const { FINISHED_STATUSES } = await import('../../api/contract/jobs.js');
  const progress = createProgress(`run #${runId}`);
  for (;;) {
    const run = await api('runs.get', { runId });
    if (FINISHED_STATUSES.includes(run.status)) {
      progress.finish();
      return run;
    }
    if (run.progress) progress.update(run.progress.done, run.progress.total, run.progress.step);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** The run's messages by status. */
function messageCounts(herald: Herald, runId: number): Record<string, number> {
  const rows = herald.db.prepare('SELECT status, COUNT(*) AS n FROM messages WHERE run_id = ? GROUP BY status ORDER BY status').all(runId) as Array<{ status: string; n: number }>;
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/**
 * Delivers through the real outbox service until none of the run's messages is due within the
 * next minute (a sending window or a retry later leaves them for the running Herald) or the time
 * limit passes.
 */
async function deliver(herald: Herald, runId: number, timeoutMs: number): Promise<void> {
  const { isSendingEnabled } = await import('../../outbox/control.js');
  // "Stop all sending" is on: the messages wait, as they would in the app.
  if (!isSendingEnabled(herald.db)) return;
  const { outboxService } = await import('../../outbox/service.js');
  const due = herald.db.prepare("SELECT COUNT(*) FROM messages WHERE run_id = ? AND (status = 'sending' OR (status IN ('pending', 'failed') AND next_attempt_at <= ?))").pluck();
  const service = outboxService(herald);
  service.start();
  herald.events.invalidate('outbox');
  const progress = createProgress('sending');
  const until = Date.now() + timeoutMs;
  try {
    while (Date.now() < until && (due.get(runId, herald.clock.now() + 60_000) as number) > 0) {
      progress.update(Object.entries(messageCounts(herald, runId)).filter(([s]) => !['pending', 'sending', 'failed'].includes(s)).reduce((n, [, c]) => n + c, 0));
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } finally {
    progress.finish();
    await service.stop();
  }
}

function summaryText(run: RunDetail, counts: Record<string, number>, dryRun: boolean): string {
  const lines = [
    `Run #${run.id} of ${run.jobId} ${run.status}${run.durationMs !== null ? ` in ${(run.durationMs / 1000).toFixed(1)} s` : ''} (scheduled ${shownTime(run.scheduledAt)} Asia/Shanghai).`,
  ];
  const figures = Object.entries(run.counts).map(([k, v]) => `${k} ${v}`);
  if (figures.length) lines.push(`Counts: ${figures.join(', ')}`);
  if (run.messages !== null) {
    const byStatus = Object.entries(counts).map(([s, n]) => `${s} ${n}`).join(', ');
    lines.push(`Messages: ${run.messages} (${run.messagesNew ?? 0} new)${byStatus ? ` — ${byStatus}` : ''}`);
  }
  if (run.warnings) lines.push(`Warnings: ${run.warnings} (herald export runs, or the Runs page, has them)`);
  if (dryRun) lines.push('Dry run: every message went to DRY_RUN; nothing was sent, and these messages will not be sent later.');
  else if ((counts.pending ?? 0) + (counts.failed ?? 0) > 0) lines.push('Messages still waiting go out when Herald runs (herald start), unless sending is switched off.');
  return `${lines.join('\n')}\n`;
}

export function registerRun(program: Command, ctx: CliContext): void {
  program
    .command('run')
    .description('One run of a configured job through the real runner (takes the data-folder lock), then delivery of its messages')
    .argument('<job>', 'job id, e.g. sla-daily-report, campaign-bj-2025-10, bj-sign-broadcast (herald status lists them)')
    .option('--input <file>', "use this input instead of fetching the job's card (.csv / .json contract rows, card rows or a Metabase response)")
    .option('--at <iso-time>', "the run's scheduled time (business dates come from it; default now)", isoTime)
    .option('--dry-run', 'every message goes to DRY_RUN: recorded as sent, sent nowhere — and never sent later (use replay / replay-job to look without effect)')
    .option('--no-send', "leave the run's messages in the outbox for Herald to deliver when it runs")
    .option('--send-timeout <seconds>', 'stop waiting for delivery after this long', positiveInt, 120)
    .option('--json', "print the run (the API's run detail) and its messages by status as JSON")
    .addHelpText('after', '\nExamples:\n  herald run sla-daily-report --at 2026-03-30T09:00:00+08:00\n  herald run campaign-bj-2025-10 --input contracts.csv --dry-run\n')
    .action(async (jobId: string, opts: RunOptions, cmd: Command) => {
      const { jobsFor } = await import('../../jobs/service.js');
      const { HeraldError } = await import('../../shared/errors.js');
      const { readRunInput } = await import('../run-input.js');
      await withHerald(openForChange(cmd, ctx), async (herald) => {
        const api = await apiFor(herald);
        await api('jobs.get', { jobId });
        const body = jobsFor(herald).jobs.get(jobId)?.body;
        const input = opts.input && body?.kind === 'pipeline' ? await readRunInput(opts.input, jobId, body.inputSchema) : undefined;
        const { runId } = await api('jobs.runNow', {
          jobId,
          ...(input !== undefined ? { input } : {}),
          ...(opts.at ? { scheduledAt: opts.at.toISOString() } : {}),
          ...(opts.dryRun ? { dryRun: true } : {}),
        });
        const run = await untilFinished(api, runId);
        if (opts.send || opts.dryRun) await deliver(herald, runId, opts.sendTimeout * 1000);
        const counts = messageCounts(herald, runId);
        if (opts.json) printJson({ run, messages: counts });
        else process.stdout.write(summaryText(run, counts, opts.dryRun === true));
        if (run.status !== 'succeeded') {
          throw new HeraldError('RUN_NOT_SUCCEEDED', `Run #${run.id} of ${jobId} ${run.status}: ${run.error?.message ?? run.status}`, { runId: run.id, jobId });
        }
      });
    });
}
