import { listBackups, pruneBackups } from '../db/backup.js';
import type { Herald, Service } from './herald.js';

const DAY_MS = 86_400_000;
const CHECK_EVERY_MS = 15 * 60_000;

/**
 * Once a day an online backup, keeping the newest `backupKeep` daily copies. Checked every
 * 15 minutes rather than timed for midnight, so a PC that slept through the night still backs up
 * soon after it wakes.
 */
export function dailyBackupService(herald: Herald): Service {
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> | undefined;
  const check = async () => {
    try {
      const latest = listBackups(herald.paths.backupsDir).find((b) => b.name.includes('-daily'));
      const age = latest ? herald.clock.now() - new Date(latest.createdAt).getTime() : Infinity;
      if (age >= DAY_MS) {
        const info = await herald.backupNow('daily');
        const removed = pruneBackups(herald.paths.backupsDir, 'daily', herald.settings().backupKeep);
        herald.log.info('Daily backup written', { backup: info.name, pruned: removed.length });
      }
    } catch (err) {
      herald.log.error('Daily backup failed', { error: (err as Error).message });
    }
  };
  const checkOnce = () => {
    inFlight ??= check().finally(() => (inFlight = undefined));
  };
  return {
    name: 'daily-backup',
    start() {
      checkOnce();
      timer = setInterval(checkOnce, CHECK_EVERY_MS);
      timer.unref();
    },
    // A backup in progress finishes before the database it reads is closed.
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await inFlight;
    },
  };
}
