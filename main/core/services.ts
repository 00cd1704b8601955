import type { Herald, Service } from './herald.js';
import { dailyBackupService } from './daily-backup.js';
import { outboxService } from '../outbox/service.js';
import { demoChannelsService } from '../demo/fake-channels.js';

/**
 * The services a running Herald consists of, in start order (stopped in reverse). Each capability
 * adds its factory here; factories run again after a restore, against the reopened database.
 */
export function createServices(herald: Herald): Service[] {
  return [dailyBackupService(herald), ...(herald.demo ? [demoChannelsService(herald)] : []), outboxService(herald)];
}
