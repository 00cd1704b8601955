import { afterEach, describe, expect, it } from 'vitest';
import { Herald } from '../../../main/core/herald.js';
import { updateChannelConfig } from '../../../main/channels/config-store.js';
import { FakeWecomServer } from '../../../main/channels/fakes/wecom-server.js';
import { startFakeMetabase } from '../../../main/demo/fake-metabase.js';
import { DEMO_MONITOR_JOBS, demoMonitors, resolveDemoTimes } from '../../../main/demo/monitors.js';
import { jobsFor } from '../../../main/jobs/service.js';
import { createLogger } from '../../../main/logging/logger.js';
import { writeMetabaseSettings } from '../../../main/sources/config.js';
import { violationCounts } from '../../../main/monitors/store/sla-violations.js';
import { addDays, shanghaiDate } from '../../../main/shared/shanghai-time.js';
import { ManualWaker, waitFor } from '../../helpers/jobs/herald.js';
import { tempDir } from '../../helpers/tmp.js';

const closing: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closing.splice(0)) await close();
});

describe('demo: the monitoring jobs contributor', () => {
  it('writes the sample times relative to the start, in Asia/Shanghai', () => {
    const now = Date.parse('2026-09-14T00:30:00Z'); // 08:30 in Shanghai
    expect(resolveDemoTimes('{day -1 10:20:00}|{day 0}|{ago 45}|{day -2 08:05:03.325454}', now)).toBe('2026-09-13T10:20:00+08:00|2026-09-14|2026-09-14T07:45:00+08:00|2026-09-12T08:05:03.325454+08:00');
  });

  // Its waits allow 60 s each (a loaded machine); the default 30 s test timeout cut them short.
  it('serves the sample cards, routes the recipients to the fake WeCom, enables the monitors and runs them once: messages arrive', { timeout: 150_000 }, async () => {
    // What the demo composition provides: both fake servers, Metabase and the robot channel pointed at them.
    const metabase = await startFakeMetabase();
    // Monday's praise goes to every listed provider: the robot limit (20 a minute) is lifted so the test need not wait.
    const wecom = await new FakeWecomServer({ robotLimit: 1000 }).start();
    const herald = Herald.open({ dataDir: tempDir('herald-demo-monitors-'), mode: 'headless', logToConsole: false, jobs: { waker: new ManualWaker() } });
    closing.push(async () => {
      await herald.close();
      await wecom.close();
      await metabase.close();
    });
    writeMetabaseSettings(herald.db, herald.secrets, { url: metabase.url, username: metabase.username, password: metabase.password });
    updateChannelConfig(herald.db, herald.secrets, 'GROUP_BOT', { settings: { baseUrl: wecom.robotUrl, perKeyLimit: 1000 } }, Date.now());
    const tasks: Array<() => void | Promise<void>> = [];
    demoMonitors(herald, { metabase, wecom, log: createLogger('demo'), afterStart: (task) => tasks.push(task) });
    await herald.start();
    for (const task of tasks) await task();

    const jobs = jobsFor(herald);
    const runs = () => herald.db.prepare('SELECT job_id, status, error_message FROM runs ORDER BY id').all() as Array<{ job_id: string; status: string; error_message: string | null }>;
    await waitFor(() => runs().every((r) => !['queued', 'running'].includes(r.status)), 'the demo runs to end', 60_000);
    expect(runs().filter((r) => r.status !== 'succeeded')).toEqual([]);
    expect(runs().filter((r) => r.job_id === 'sla-daily-report')).toHaveLength(7);
    for (const jobId of DEMO_MONITOR_JOBS) expect(jobs.config.get(jobId).enabled, jobId).toBe(true);
    expect(jobs.config.get('technician-status').enabled).toBe(false);

    await waitFor(() => (herald.db.prepare("SELECT COUNT(*) FROM messages WHERE status IN ('pending','sending','failed')").pluck().get() as number) === 0, 'the demo messages to leave', 60_000);
    const byStatus = herald.db.prepare('SELECT status, COUNT(*) AS n FROM messages GROUP BY status').all();
    expect(byStatus).toEqual([{ status: 'sent', n: expect.any(Number) }]);
    expect(wecom.accepted('demo-offline-group').map((r) => r.content)).toHaveLength(3);
    expect(wecom.accepted('demo-contact-timeout').map((r) => r.body.msgtype)).toEqual(['template_card']);
    expect(wecom.sheets.added().map((r) => r.sheet).sort()).toEqual(['contract-completion', 'contract-completion', 'crew-settlement-ledger', 'crew-settlement-ledger', 'material-replenishment', 'material-replenishment', 'payment-records', 'payment-records', 'payment-records', 'project-settlement', 'project-settlement']);
    expect(wecom.accepted('demo-wecom-default').length + wecom.accepted('demo-default-group').length).toBeGreaterThanOrEqual(5);

    // The SLA week: violations on several business dates for the chart.
    const yesterday = addDays(shanghaiDate(new Date()), -1);
    const week = violationCounts(herald.db, addDays(yesterday, -6), yesterday);
    expect(new Set(week.map((r) => r.date)).size).toBe(5);
    expect(week.reduce((n, r) => n + r.count, 0)).toBe(10);
  });
});
