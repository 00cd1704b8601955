import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cardFromFixtureText } from '../../../main/monitors/fixture-card.js';
import { replayJob, settingsFromV1Env, type ReplayResult } from '../../../main/monitors/replay.js';
import { SLA_COLUMNS } from '../../../main/monitors/transforms/sla.js';
import { v1RecipientName } from '../../../main/monitors/transforms/recipients.js';
import { isHeraldError } from '../../../main/shared/errors.js';
import { fixturePath, readFixtureJson } from '../../helpers/fixtures.js';
import { cardOf } from '../../helpers/monitors.js';
import { sameStructure } from '../../helpers/structure.js';

interface FixtureCase {
  id: string;
  job: string;
  runs: Array<{ at: string; file: string }>;
  env: string[];
  note: string;
}
interface Expected {
  job: string;
  runs: Array<{ at: string; error?: string; messages: Array<{ recipient: string; message: unknown }> }>;
}

function replayCase(c: FixtureCase, pipeline: 'v1-exact' | 'herald'): ReplayResult {
  const runs = c.runs.map((r) => ({ at: r.at, card: cardFromFixtureText(c.job, fs.readFileSync(fixturePath('monitors', c.id, r.file), 'utf8')) }));
  return replayJob(c.job, runs, settingsFromV1Env(c.job, c.env), { pipeline });
}

const cases = readFixtureJson<FixtureCase[]>('monitors', 'index.json');

describe('replayJob reproduces every fixture of fixtures/monitors exactly', () => {
  for (const pipeline of ['v1-exact', 'herald'] as const) {
    describe(pipeline, () => {
      it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
        const expected = readFixtureJson<Expected>('monitors', c.id, 'expected.json');
        const got = replayCase(c, pipeline);
        expect(got.job).toBe(c.job);
        expect(got.runs.map((r) => r.at)).toEqual(expected.runs.map((r) => r.at));
        expected.runs.forEach((run, i) => {
          const actual = got.runs[i]!;
          expect(actual.messages.length, `${c.id} run ${i + 1}: number of messages`).toBe(run.messages.length);
          expect(Boolean(actual.error), `${c.id} run ${i + 1}: error`).toBe(Boolean(run.error));
          run.messages.forEach((m, j) => {
            const a = actual.messages[j]!;
            expect(v1RecipientName(a.recipient), `${c.id} run ${i + 1} message ${j + 1}: recipient`).toBe(m.recipient);
            if (typeof m.message === 'string') expect(a.message, `${c.id} run ${i + 1} message ${j + 1}`).toBe(m.message);
            else expect(sameStructure(a.message, m.message), `${c.id} run ${i + 1} message ${j + 1}: payload`).toBe(true);
          });
        });
      });
    });
  }
});

describe('replayJob: v1 outbox behaviour', () => {
  const row = (orderNum: string, saCreateTime = '2026-03-29T10:15:00+08:00') => ({
    _id: orderNum, sid: 's', saCreateTime, orderNum, province: '110000', orgName: '北京经常亮工程技术有限公司', supervisorName: '张三', sourceType: 5, status: '20', msg: '联系超时', memo: 'm', workType: '1', createTime: '',
  });

  it('a run that stops before its dispatch leaves its queued messages to the next run that dispatches', () => {
    const result = replayJob('sla-daily-report', [
      { at: '2026-03-31T09:00:00+08:00', card: cardOf(SLA_COLUMNS, [row('GD1'), row('BAD', 'x'), row('GD3')]) },
      { at: '2026-04-01T09:00:00+08:00', card: cardOf(SLA_COLUMNS, [row('GD4')]) },
    ]);
    expect(result.runs[0]).toMatchObject({ messages: [] });
    expect(result.runs[0]?.error).toMatch(/BAD/);
    expect(result.runs[1]?.messages.map((m) => (m.message as string).split('\n')[1])).toEqual(['工单编号：GD1', '工单编号：GD4']);
  });

  it('posts at most 200 queued messages per run, oldest first', () => {
    const rows = Array.from({ length: 250 }, (_, i) => ({ contractNum: `HT${i}`, name: '石膏板' }));
    const card = (list: typeof rows) => cardOf(['contractNum', 'name'], list);
    const result = replayJob('smartsheet-material-replenishment', [
      { at: '2026-06-28T12:30:00+08:00', card: card(rows) },
      { at: '2026-06-28T13:00:00+08:00', card: card(rows) },
    ]);
    expect(result.runs.map((r) => r.messages.length)).toEqual([200, 50]);
    expect((result.runs[1]?.messages[0]?.message as { add_records: Array<{ values: { fhXiIM: string } }> }).add_records[0]?.values.fhXiIM).toBe('HT200');
  });

  it('refuses unknown jobs, invalid settings, times without an offset and unmodelled v1 settings', () => {
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (err) {
        return isHeraldError(err) ? err.code : 'other';
      }
      return 'none';
    };
    expect(code(() => replayJob('no-such-job', []))).toBe('MONITOR_UNKNOWN_JOB');
    expect(code(() => replayJob('housekeeper-offline-broadcast', [], { lookbackMinutes: 0 }))).toBe('MONITOR_SETTINGS_INVALID');
    expect(code(() => replayJob('housekeeper-offline-broadcast', [{ at: '2026-07-01 09:00', card: { cols: [], rows: [] } }]))).toBe('MONITOR_REPLAY_TIME_INVALID');
    expect(code(() => settingsFromV1Env('sla-daily-report', ['DAILY_SERVICE_REPORT_DRY_RUN=1']))).toBe('MONITOR_REPLAY_ENV');
    expect(settingsFromV1Env('housekeeper-offline-broadcast', ['HOUSEKEEPER_OFFLINE_LOOKBACK_MINUTES=0'])).toEqual({ lookbackMinutes: 1 });
  });
});
