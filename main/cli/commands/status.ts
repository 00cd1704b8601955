import type { Command } from 'commander';
import type { MethodOutput } from '../../api/contract/index.js';
import type { LockHolder } from '../../db/data-folder-lock.js';
import { apiFor, openForReading, withHerald, type CliContext } from '../context.js';
import { printJson, shownTime, table } from '../format.js';

interface StatusReport {
  dataDir: string;
  /** The Herald holding the data folder (app, headless, CLI), if one runs. */
  runningHerald: LockHolder | null;
  pausedAll: boolean;
  jobs: MethodOutput<'jobs.list'>['jobs'];
  outbox: { statusCounts: Record<string, number>; sendingEnabled: boolean };
}

/** The lock's holder while its process lives (a crashed Herald leaves a stale lock file behind). */
function liveHolder(holder: LockHolder | undefined, host: string, alive: (pid: number) => boolean): LockHolder | null {
  if (!holder) return null;
  return holder.hostname !== host || alive(holder.pid) ? holder : null;
}

function text(r: StatusReport): string {
  const running = r.runningHerald ? `running (${r.runningHerald.purpose}, PID ${r.runningHerald.pid}, since ${shownTime(r.runningHerald.startedAt)})` : 'not running';
  const rows = [['JOB', 'STATE', 'NEXT RUN', 'LAST RUN']];
  for (const j of r.jobs) {
    const state = !j.available ? 'not built' : !j.enabled ? 'disabled' : j.paused || r.pausedAll ? 'paused' : j.running ? `running #${j.running.runId}` : 'enabled';
    const last = j.lastRun ? `#${j.lastRun.id} ${j.lastRun.status} ${shownTime(j.lastRun.finishedAt)}` : '—';
    rows.push([j.id, state, shownTime(j.nextRunAt), last]);
  }
  const counts = Object.entries(r.outbox.statusCounts).map(([s, n]) => `${s} ${n}`).join(', ');
  return [
    `Herald in ${r.dataDir}: ${running}${r.pausedAll ? '; all triggers paused' : ''}`,
    '',
    table(rows),
    '',
    `Outbox: ${counts}${r.outbox.sendingEnabled ? '' : ' (sending is switched off)'}`,
    'Times are Asia/Shanghai.',
  ].join('\n');
}

export function registerStatus(program: Command, ctx: CliContext): void {
  program
    .command('status')
    .description('Jobs with their next run and last run, and the outbox counts by status (read-only, without the lock: works while Herald runs)')
    .option('--json', 'print the report as JSON')
    .addHelpText('after', '\nExample:\n  herald status --json\n')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const { isProcessAlive, readLockHolder } = await import('../../db/data-folder-lock.js');
      const { hostname } = await import('node:os');
      await withHerald(openForReading(cmd, ctx), async (herald) => {
        const api = await apiFor(herald);
        const [{ jobs, pausedAll }, stats] = [await api('jobs.list'), await api('outbox.stats')];
        const report: StatusReport = {
          dataDir: herald.paths.dataDir,
          runningHerald: liveHolder(readLockHolder(herald.paths.dataDir), hostname(), isProcessAlive),
          pausedAll,
          jobs,
          outbox: { statusCounts: stats.statusCounts, sendingEnabled: stats.sendingEnabled },
        };
        if (opts.json) printJson(report);
        else process.stdout.write(`${text(report)}\n`);
      });
    });
}
