import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogue, defaultCatalogue } from '../../../main/jobs/catalogue.js';
import { openDatabase } from '../../../main/db/open.js';
import { migrate } from '../../../main/db/migrate.js';
import { JobConfigStore } from '../../../main/jobs/job-config.js';
import { ManualClock } from '../../../main/shared/clock.js';
import { triggerIssues } from '../../../main/triggers/validate.js';
import { MONITOR_JOB_IDS, MONITOR_JOBS } from '../../../main/monitors/definitions.js';
import { tempDir } from '../../helpers/tmp.js';

const byId = new Map(catalogue.map((j) => [j.id, j]));
const expressions = (id: string) => byId.get(id)?.triggers.map((t) => (t.kind === 'cron' ? `${t.expression} ${t.timeZone ?? ''}`.trim() : t.kind));

describe('default job set', () => {
  it('has every v1 job of spec §1.4 under its id', () => {
    expect(catalogue.map((j) => j.id)).toEqual([
      'bj-sign-broadcast',
      'bj-performance-broadcast',
      'housekeeper-offline-broadcast',
      'smartsheet-project-settlement',
      'smartsheet-contract-completion',
      'smartsheet-payment-records',
      'smartsheet-crew-settlement-ledger',
      'smartsheet-material-replenishment',
      'pending-orders-reminder',
      'sla-daily-report',
      'technician-status',
      'contact-timeout-report',
      'campaign-bj-2025-04',
      'campaign-bj-2025-05',
      'campaign-bj-2025-06',
      'campaign-bj-2025-07',
      'campaign-bj-2025-08',
      'campaign-bj-2025-09',
      'campaign-bj-2025-10',
      'campaign-bj-2025-11',
      'campaign-bj-2025-12',
      'campaign-sh-2025-04',
      'campaign-sh-2025-05',
      'campaign-sh-2025-06',
      'campaign-sh-2025-07',
      'campaign-sh-2025-08',
      'campaign-sh-2025-08b',
      'campaign-sh-2025-09',
      'campaign-sh-2025-10',
      'campaign-sh-2025-11',
      'campaign-sh-2025-12',
    ]);
  });

  it('uses v1’s most recent schedules (Asia/Shanghai)', () => {
    const heartbeat = ['0,30 8-23 * * *'];
    for (const id of ['bj-sign-broadcast', 'bj-performance-broadcast', 'housekeeper-offline-broadcast', 'smartsheet-project-settlement', 'smartsheet-contract-completion', 'smartsheet-payment-records', 'smartsheet-crew-settlement-ledger', 'smartsheet-material-replenishment']) {
      expect(expressions(id), id).toEqual(heartbeat);
    }
    expect(expressions('pending-orders-reminder')).toEqual(['30 8 * * *']);
    expect(expressions('sla-daily-report')).toEqual(['0 9 * * *']);
    expect(expressions('technician-status')).toEqual(['*/3 * * * *']);
    expect(expressions('contact-timeout-report')).toEqual([]);
    expect(expressions('campaign-sh-2025-08b')).toEqual(['*/3 * * * *']);
    for (const job of catalogue) job.triggers.forEach((t, i) => expect(triggerIssues(t, `${job.id}.${i}`)).toEqual([]));
  });

  it('titles every job in both languages', () => {
    expect(byId.get('campaign-bj-2025-10')?.title).toEqual({ 'zh-CN': '北京 2025年10月签约活动', en: 'Beijing October 2025 signing campaign' });
    expect(byId.get('campaign-sh-2025-08b')?.title).toEqual({ 'zh-CN': '上海 2025年8月签约活动（8月28日起规则）', en: 'Shanghai August 2025 signing campaign (rules from 28 August)' });
    for (const job of catalogue) {
      expect(job.title['zh-CN'].length, job.id).toBeGreaterThan(0);
      expect(job.title.en.length, job.id).toBeGreaterThan(0);
    }
  });

  it('starts with every job disabled, every job runs its pipelines, and September has both for shadow mode', () => {
    const db = openDatabase(path.join(tempDir(), 'herald.sqlite'));
    migrate(db);
    const store = new JobConfigStore(db, new ManualClock(0), new Map(catalogue.map((j) => [j.id, j])));
    for (const job of catalogue) {
      expect(store.get(job.id).enabled, job.id).toBe(false);
      expect(job.body.kind, job.id).toBe('pipeline');
      const monitor = MONITOR_JOBS[job.id];
      if (monitor) {
        expect(job.body, job.id).toBe(monitor.body);
        expect(job.settingsSchema, job.id).toBe(monitor.settingsSchema);
      }
    }
    for (const id of ['campaign-bj-2025-09', 'campaign-sh-2025-09']) {
      const body = byId.get(id)!.body;
      expect(body.kind === 'pipeline' && Object.keys(body.pipelines), id).toEqual(['v1-ledger', 'v1-db']);
    }
    for (const id of ['bj-sign-broadcast', 'bj-performance-broadcast', 'campaign-bj-2025-04', 'campaign-sh-2025-08b', 'campaign-sh-2025-12', ...MONITOR_JOB_IDS]) expect(byId.get(id)?.body.kind, id).toBe('pipeline');
    db.close();
    expect(defaultCatalogue.module).toMatch(/\/main\/jobs\/catalogue\.ts$/);
  });
});
