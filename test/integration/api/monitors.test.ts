import { describe, expect, it } from 'vitest';
import { inTransaction } from '../../../main/db/open.js';
import { MONITOR_JOBS } from '../../../main/monitors/definitions.js';
import { SLA_COLUMNS } from '../../../main/monitors/transforms/sla.js';
import type { PipelineContext } from '../../../main/jobs/types.js';
import { startTestServer } from '../../helpers/headless.js';
import { cardOf } from '../../helpers/monitors.js';

describe('monitors API', () => {
  it('monitors.slaViolations counts the stored violations per provider and business date', async () => {
    const s = await startTestServer();
    const job = MONITOR_JOBS['sla-daily-report']!;
    const row = (orderNum: string, orgName: string) => ({ orderNum, orgName, saCreateTime: '2026-09-13T10:00:00+08:00', supervisorName: '张三', msg: '联系超时', memo: 'm' });
    const ctx = (at: string): PipelineContext => ({
      jobId: job.id, runId: 1, scheduledAt: new Date(at), settings: job.settingsSchema.parse({}), log: s.herald.log, progress() {}, warn() {},
    });
    const run = (at: string, rows: Array<Record<string, unknown>>) =>
      inTransaction(s.herald.db, () => job.run({ store: s.herald.db, card: cardOf(SLA_COLUMNS, rows), ctx: ctx(at), policy: 'warn-skip' }));
    run('2026-09-14T09:00:00+08:00', [row('GD1', '甲'), row('GD2', '甲'), row('GD3', '乙')]);
    run('2026-09-16T09:00:00+08:00', [row('GD4', '乙')]);
    const result = await s.call('monitors.slaViolations', { until: '2026-09-20', days: 7 });
    expect(result).toEqual({
      from: '2026-09-14',
      to: '2026-09-20',
      rows: [{ date: '2026-09-15', provider: '乙', count: 1 }],
    });
    const earlier = await s.call('monitors.slaViolations', { until: '2026-09-15', days: 3 });
    expect(earlier.rows).toEqual([
      { date: '2026-09-13', provider: '乙', count: 1 },
      { date: '2026-09-13', provider: '甲', count: 2 },
      { date: '2026-09-15', provider: '乙', count: 1 },
    ]);
  });
});
