import type { Herald, Service } from './herald.js';
import { dailyBackupService } from './daily-backup.js';
import { sourcesService } from '../sources/service.js';
import { campaignsService } from '../campaigns/service.js';
import { monitorsService } from '../monitors/service.js';
import { outboxService } from '../outbox/service.js';
import { jobsService } from '../jobs/service.js';
import { templatesService } from '../outbox/template-service.js';
import { shadowService } from '../shadow/wiring.js';
import { demoServices } from '../demo/index.js';

/**
 * The services a running Herald consists of, in start order (stopped in reverse). Each capability
 * adds its factory here, one per line; factories run again after a restore, against the reopened
 * database.
 */
export function createServices(herald: Herald): Service[] {
  const demo = herald.demo ? demoServices(herald) : undefined;
  return [
    dailyBackupService(herald),
    ...(demo ? [demo.prepare] : []),
    sourcesService(herald),
    campaignsService(herald),
    monitorsService(herald),
    outboxService(herald),
    jobsService(herald),
    templatesService(herald),
    shadowService(herald),
    ...(demo ? [demo.launch] : []),
  ];
}
