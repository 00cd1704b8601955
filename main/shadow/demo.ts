import os from 'node:os';
import type { Db } from '../db/open.js';
import type { Clock } from '../shared/clock.js';
import { ShadowConfigSchema } from './config.js';
import { diffSides, type DiffSide } from './diff/index.js';
import { ensureShadowJob, getShadowJob, setMode, updateShadowSettings } from './modes.js';
import { insertShadowRun, type ShadowRun } from './run-store.js';
import { seedPlannedOrder } from './plan.js';

/**
 * Demo data: Beijing September in shadow (control v1-ledger, candidate v1-db) with three days of
 * runs, the last one showing the divergences spec §3.10 documents — `管家累计业绩金额` summed in
 * processing order instead of signing order, and the closing line of the generic template. The
 * demo and the browser tests call it; idempotent per job.
 */
export const DEMO_JOB = 'demo-bj-sep';

const DAY_MS = 86_400_000;

function record(id: string, name: string, amount: number, cumulative: number) {
  return { key: id, fields: { '合同ID(_id)': id, '管家(serviceHousekeeper)': name, '合同金额(adjustRefundMoney)': amount, 计入业绩金额: amount, 管家累计业绩金额: cumulative } };
}

function announcement(name: string, id: string, closing: string): string {
  return `🧨🧨🧨 签约喜报 🧨🧨🧨\n恭喜 ${name} 签约合同 ${id} 并完成线上收款🎉🎉🎉\n\n🌻 本单为活动期间平台累计签约第 3 单。\n\n${closing}\n`;
}

function sides(diverge: boolean): { control: DiffSide; candidate: DiffSide } {
  const control: DiffSide = {
    records: [record('C301', '张三', 20000, 20000), record('C302', '张三', 40000, 60000), record('C303', '李四', 30000, 30000)],
    messages: [{ recipient: '北京运营中心系统通知群', text: announcement('李四', 'YHWX-BJ-0303', '👊 距离达成节节高奖励条件还需 9 单。') }],
  };
  const candidate: DiffSide = {
    records: [record('C301', '张三', 20000, 20000), record('C302', '张三', 40000, diverge ? 40000 : 60000), record('C303', '李四', 30000, 30000)],
    messages: [{ recipient: '<sign broadcast webhook>', text: announcement('李四', 'YHWX-BJ-0303', diverge ? '' : '👊 距离达成节节高奖励条件还需 9 单。') }],
  };
  return { control, candidate };
}

export function seedShadowDemo(db: Db, clock: Clock, jobId = DEMO_JOB): ShadowRun[] {
  if (getShadowJob(db, jobId)) return [];
  ensureShadowJob(db, clock, { jobId, defaultPipeline: 'v1-ledger', plannedOrder: seedPlannedOrder('BJ-2025-09') ?? 0 });
  updateShadowSettings(db, clock, jobId, { config: ShadowConfigSchema.parse({ diff: { ignoreFields: ['登记时间'] } }) });
  setMode(db, clock, { jobId, mode: 'shadow', candidatePipeline: 'v1-db', reason: '演示：九月活动影子运行', actor: 'api' });
  const now = clock.now();
  return [2, 1, 0].map((daysAgo, i) => {
    const started = now - daysAgo * DAY_MS - 3_600_000;
    const { control, candidate } = sides(daysAgo === 0);
    const diff = diffSides(control, candidate, getShadowJob(db, jobId)!.config.diff);
    const side = (pipelineId: string, store: 'live' | 'sandbox', ms: number, bytes: number, s: DiffSide) => ({
      pipelineId,
      store,
      durationMs: ms,
      peakMemoryBytes: bytes,
      error: null,
      timedOut: false,
      records: s.records.length,
      messages: s.messages.length,
    });
    return insertShadowRun(db, {
      jobId,
      runId: null,
      mode: 'shadow',
      liveSide: 'control',
      controlPipeline: 'v1-ledger',
      candidatePipeline: 'v1-db',
      scheduledAt: new Date(started).toISOString(),
      startedMs: started,
      finishedAt: new Date(started + 2_000).toISOString(),
      cores: os.availableParallelism(),
      control: side('v1-ledger', 'live', 1800 + i * 40, 48_000_000, control),
      candidate: side('v1-db', 'sandbox', 1700 + i * 90, 52_000_000, candidate),
      diff,
      noiseCalibrated: false,
      triggers: diff.consistent ? [] : [{ kind: 'inconsistency', value: diff.consistency, threshold: 1 }],
      rolledBack: false,
    });
  });
}
