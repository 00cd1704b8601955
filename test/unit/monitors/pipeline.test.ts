import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MONITOR_JOBS } from '../../../main/monitors/definitions.js';
import { PIPELINE_IDS, cardResultSchema } from '../../../main/monitors/pipeline.js';
import type { PipelineContext } from '../../../main/jobs/types.js';
import { card, monitorStore } from '../../helpers/monitors.js';

const catalogue = (lang: string) => JSON.parse(fs.readFileSync(path.resolve('renderer/src/i18n', lang, 'monitors.json'), 'utf8')) as { summary: Record<string, string> };

/** A representative card per job (columns right, one row) to exercise each job's summary. */
const samples: Record<string, { at: string; card: ReturnType<typeof card> }> = {
  'sla-daily-report': { at: '2026-03-30T09:00:00+08:00', card: card(['saCreateTime', 'orderNum', 'orgName', 'supervisorName', 'msg', 'memo'], [['2026-03-28T10:00:00+08:00', 'GD1', 'A', 's', 'm', 'd']]) },
  'pending-orders-reminder': { at: '2026-03-30T08:30:00+08:00', card: card(['o', 'n', 'a', 's', 't', 'p', 'x'], [['A1', 'c', 'a', 's', '2026-03-20T00:00:00Z', 'A', '待预约']]) },
  'housekeeper-offline-broadcast': { at: '2026-07-01T09:30:00Z', card: card(['createTime', 'createUserName', '动作'], [['2026-07-01T09:00:00Z', '张三', '下线']]) },
  'smartsheet-payment-records': { at: '2026-04-20T16:00:00+08:00', card: card(['contractCode', 'payPrice'], [['HT1', '5']]) },
  'technician-status': { at: '2025-05-22T09:36:00+08:00', card: card(['a', 'b', 'c', 'd', 'e', 'f'], [['e1', '2025-05-22T09:35:03.3+08:00', 'n', 'c', null, '上线']]) },
  'contact-timeout-report': { at: '2024-06-10T18:00:00+08:00', card: card(['a', 'b', 'c', 'd'], [['GD1', null, '王', '2024-06-08T15:30:00+0800']]) },
};

function ctx(jobId: string, at: string, warnings: string[]): PipelineContext {
  const silent = { error() {}, warn() {}, info() {}, debug() {}, child: () => silent };
  return { jobId, runId: 1, scheduledAt: new Date(at), settings: {}, log: silent, progress() {}, warn: (m) => warnings.push(m) };
}

describe('monitor pipelines', () => {
  it('every job offers the herald (default) and v1-exact pipelines over a Metabase card', () => {
    expect(Object.keys(MONITOR_JOBS).sort()).toEqual([
      'contact-timeout-report', 'housekeeper-offline-broadcast', 'pending-orders-reminder', 'sla-daily-report', 'smartsheet-contract-completion', 'smartsheet-crew-settlement-ledger',
      'smartsheet-material-replenishment', 'smartsheet-payment-records', 'smartsheet-project-settlement', 'technician-status',
    ]);
    for (const job of Object.values(MONITOR_JOBS)) {
      expect(job.body.defaultPipeline).toBe(PIPELINE_IDS.herald);
      expect(Object.keys(job.body.pipelines).sort()).toEqual(['herald', 'v1-exact']);
    }
    expect(cardResultSchema.safeParse({ cols: [{ name: 'a', display_name: null }], rows: [[1]] }).success).toBe(true);
    expect(cardResultSchema.safeParse({ cols: [{}], rows: [] }).success).toBe(false);
  });

  it('fetches the card Settings → Data sources names for the job, and names that card in its warnings', async () => {
    const asked: Array<number | string> = [];
    const cards: Record<string, number> = { 'smartsheet-crew-settlement-ledger': 3001 };
    const metabase = {
      queryCard: (id: number) => (asked.push(id), Promise.resolve({ cols: [], rows: [], source: { card: id, server: 'http://mb' } })),
      cardId: (key: string) => (asked.push(key), cards[key] ?? 0),
      queryCardWith: () => Promise.reject(new Error('not used')),
    };
    const silent = { error() {}, warn() {}, info() {}, debug() {}, child: () => silent };
    const job = MONITOR_JOBS['smartsheet-crew-settlement-ledger']!;
    expect(job.cardId).toBe(2015);
    expect(job.settingsSchema.parse({})).not.toHaveProperty('cardId');
    const input = await job.body.fetchInput({ jobId: job.id, runId: 1, scheduledAt: new Date(), settings: {}, signal: new AbortController().signal, log: silent, metabase });
    expect(asked).toEqual(['smartsheet-crew-settlement-ledger', 3001]);
    expect(cardResultSchema.parse(input).source).toEqual({ card: 3001, server: 'http://mb' });
    const warnings: string[] = [];
    const store = monitorStore();
    store.transaction(() => job.body.pipelines.herald!.run(store, cardResultSchema.parse(input), ctx(job.id, '2026-04-20T16:00:00+08:00', warnings)))();
    expect(warnings).toEqual(['Card 3001 returned no rows.']);
    // Rows from a file carry no source: the warning names the job's default card.
    warnings.length = 0;
    store.transaction(() => job.body.pipelines.herald!.run(store, { cols: [], rows: [] }, ctx(job.id, '2026-04-20T16:00:00+08:00', warnings)))();
    expect(warnings).toEqual(['Card 2015 returned no rows.']);
  });

  it('declares where each pipeline keeps its state: its own rows of monitor_notified and its own tables', () => {
    expect(MONITOR_JOBS['sla-daily-report']!.body.pipelines['v1-exact']!.stateScope).toEqual([
      { table: 'monitor_sla_violations' },
      { table: 'monitor_notified', where: 'job_id = ?', params: ['sla-daily-report'] },
    ]);
    expect(MONITOR_JOBS['pending-orders-reminder']!.body.pipelines.herald!.stateScope.map((s) => s.table)).toEqual(['monitor_pending_orders', 'monitor_notified']);
    expect(MONITOR_JOBS['smartsheet-payment-records']!.body.pipelines.herald!.stateScope).toEqual([{ table: 'monitor_notified', where: 'job_id = ?', params: ['smartsheet-payment-records'] }]);
  });

  it('summarises each run with a monitors: catalogue key whose text exists, with its parameters, in both languages', () => {
    for (const [jobId, sample] of Object.entries(samples)) {
      const job = MONITOR_JOBS[jobId]!;
      const store = monitorStore();
      const out = store.transaction(() => job.body.pipelines.herald!.run(store, sample.card, ctx(jobId, sample.at, [])))();
      const key = out.summary?.key.replace('monitors:summary.', '') ?? '';
      for (const lang of ['zh-CN', 'en']) {
        const text = catalogue(lang).summary[key];
        expect(text, `${lang} ${key}`).toBeTruthy();
        for (const placeholder of text!.match(/{{(\w+)}}/g) ?? []) expect(Object.keys(out.summary!.params)).toContain(placeholder.slice(2, -2));
      }
      expect(out.messages.length, jobId).toBeGreaterThan(0);
    }
  });

  it('v1-exact reports where v1 stopped as a warning and keeps what v1 had done', () => {
    const job = MONITOR_JOBS['technician-status']!;
    const store = monitorStore();
    const warnings: string[] = [];
    const rows = [['e1', '2025-05-22T09:35:03.3+08:00', 'n', 'c', null, '上线'], ['e2', 'bad', 'n', 'c', null, '上线']];
    const out = store.transaction(() => job.body.pipelines['v1-exact']!.run(store, card(['a', 'b', 'c', 'd', 'e', 'f'], rows), ctx(job.id, '2025-05-22T09:36:00+08:00', warnings)))();
    expect(out.messages).toHaveLength(2);
    expect(warnings).toEqual([expect.stringMatching(/^v1 stopped this run here: row 2: change time bad/)]);
  });
});
