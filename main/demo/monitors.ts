import type { DemoEnv } from './index.js';
import fs from 'node:fs';
import path from 'node:path';
import type { Herald } from '../core/herald.js';
import type { FakeWecomServer } from '../channels/fakes/wecom-server.js';
import type { Logger } from '../logging/logger.js';
import { resourcesDir } from '../core/app-info.js';
import { jobsFor } from '../jobs/service.js';
import { saveRecipient, type RecipientInput } from '../outbox/recipients.js';
import { MONITOR_JOBS } from '../monitors/definitions.js';
import { SMARTSHEET_JOB_IDS } from '../monitors/jobs/smartsheet-sync.js';
import { RECIPIENTS, smartsheetRecipient } from '../monitors/transforms/recipients.js';
import { SMARTSHEET_TABLES, type SmartsheetTableId } from '../monitors/transforms/smartsheet-tables.js';
import { addDays, shanghaiDate, shanghaiDateTime } from '../shared/shanghai-time.js';

/**
 * The monitoring jobs in `--demo`: bundled sample cards (`resources/demo/monitors/cards.json`, times
 * relative to the start) on the fake Metabase, the monitors' recipients routed to the fake WeCom's
 * robots and smartsheet webhooks, the scheduled monitors enabled, and each run once at start — the
 * SLA report also for the six business dates before, so its weekly chart has a week.
 *
 * A demo contributor: `demoMonitors(herald, env)` with the demo's fake servers, before the services
 * start (what needs the runner waits for `env.afterStart`).
 */

export const DEMO_MONITOR_CARDS = path.join(resourcesDir, 'demo', 'monitors', 'cards.json');

/** Enabled and run at start; the technician check (retired by v1) stays off, the contact-timeout report is manual. */
export const DEMO_MONITOR_JOBS = ['sla-daily-report', 'pending-orders-reminder', 'housekeeper-offline-broadcast', ...Object.values(SMARTSHEET_JOB_IDS)] as const;
const RUN_ONCE = [...DEMO_MONITOR_JOBS, 'contact-timeout-report'] as const;

interface SampleCard {
  columns: string[];
  rows: unknown[][];
}

interface Samples {
  cards: Record<string, SampleCard>;
  slaWeek: Record<string, unknown[][]>;
}

/** `{day N HH:MM:SS}`, `{day N}`, `{ago N}` (minutes) → Asia/Shanghai times relative to `now`. */
export function resolveDemoTimes(text: string, now: number): string {
  const today = shanghaiDate(new Date(now));
  return text
    .replace(/\{day (-?\d+) (\d\d:\d\d:\d\d(?:\.\d+)?)\}/g, (_, n: string, time: string) => `${addDays(today, Number(n))}T${time}+08:00`)
    .replace(/\{day (-?\d+)\}/g, (_, n: string) => addDays(today, Number(n)))
    .replace(/\{ago (\d+)\}/g, (_, n: string) => `${shanghaiDateTime(now - Number(n) * 60_000).replace(' ', 'T')}+08:00`);
}

export function loadDemoSamples(now: number): Samples {
  return JSON.parse(resolveDemoTimes(fs.readFileSync(DEMO_MONITOR_CARDS, 'utf8'), now)) as Samples;
}

const robot = (id: string, name: string, key: string): RecipientInput => ({ id, name, route: [{ channel: 'GROUP_BOT', address: key }] });

/** The demo's routes of the monitors' recipients (smartsheet addresses follow the fake's port). */
function demoRecipients(wecom: FakeWecomServer): { keep: RecipientInput[]; refresh: RecipientInput[] } {
  return {
    keep: [
      robot('provider:*', '服务商默认群', 'demo-default-group'),
      robot(RECIPIENTS.wecomDefault, '默认群机器人', 'demo-wecom-default'),
      robot(RECIPIENTS.housekeeperOffline, '管家下线播报群', 'demo-offline-group'),
      robot(RECIPIENTS.contactTimeout, '联系超时报告群', 'demo-contact-timeout'),
      robot(RECIPIENTS.webhookUrlDefault, '管家状态默认 webhook', 'demo-technician'),
      { id: 'wechat:*', name: '管家状态：公司微信联系人（演示只记录）', route: [{ channel: 'DRY_RUN', address: 'wechat' }] },
    ],
    refresh: (Object.keys(SMARTSHEET_TABLES) as SmartsheetTableId[]).map((table) => ({
      id: smartsheetRecipient(table),
      name: `智能表格：${SMARTSHEET_TABLES[table].schema[SMARTSHEET_TABLES[table].primary]} …（${table}）`,
      route: [{ channel: 'GROUP_BOT', address: wecom.smartsheetUrl(table) }],
    })),
  };
}

/** SLA runs of the six business dates before yesterday, each at 09:00 the day after, with its own card. */
function backfillSlaWeek(herald: Herald, samples: Samples, columns: string[], log: Logger): void {
  const jobs = jobsFor(herald);
  const today = shanghaiDate(new Date(herald.clock.now()));
  for (const [offset, rows] of Object.entries(samples.slaWeek).sort(([a], [b]) => Number(a) - Number(b))) {
    const scheduledAt = Date.parse(`${addDays(today, Number(offset) + 1)}T09:00:00+08:00`);
    const input = { value: { cols: columns.map((name) => ({ name })), rows } };
    const { runId } = jobs.runner.submit({ jobId: 'sla-daily-report', kind: 'catch-up', batch: true, scheduledAt, input });
    log.info('Demo: SLA report for an earlier business date', { runId, businessDate: addDays(today, Number(offset)) });
  }
}

export function demoMonitors(herald: Herald, { metabase, wecom, log, afterStart }: DemoEnv): void {
  const samples = loadDemoSamples(herald.clock.now());
  for (const [card, sample] of Object.entries(samples.cards)) metabase.setCard(Number(card), sample.rows, sample.columns);
  for (const table of Object.keys(SMARTSHEET_TABLES) as SmartsheetTableId[]) wecom.sheets.setDateFields(table, SMARTSHEET_TABLES[table].datetime);

  const now = herald.clock.now();
  const { keep, refresh } = demoRecipients(wecom);
  const exists = herald.db.prepare('SELECT 1 FROM recipients WHERE id = ?');
  for (const r of keep) if (!exists.get(r.id)) saveRecipient(herald.db, herald.secrets, r, now);
  for (const r of refresh) saveRecipient(herald.db, herald.secrets, r, now);

  afterStart(() => {
    const jobs = jobsFor(herald);
    const sla = samples.cards[String(MONITOR_JOBS['sla-daily-report']!.cardId)];
    if (sla) backfillSlaWeek(herald, samples, sla.columns, log);
    for (const jobId of RUN_ONCE) {
      if ((DEMO_MONITOR_JOBS as readonly string[]).includes(jobId) && !jobs.config.get(jobId).enabled) jobs.update(jobId, { enabled: true });
      const { runId } = jobs.runNow(jobId);
      log.info('Demo: monitoring job started', { jobId, runId });
    }
  });
}
