import { afterEach, describe, expect, it } from 'vitest';
import type { Herald } from '../../../main/core/herald.js';
import { ManualClock } from '../../../main/shared/clock.js';
import { ShadowConfigSchema } from '../../../main/shadow/config.js';
import type { DiffRulesInput, DiffSide } from '../../../main/shadow/diff/index.js';
import { setMode, updateShadowSettings } from '../../../main/shadow/modes.js';
import { getShadowRunDiff } from '../../../main/shadow/run-store.js';
import { ExternalOutputSchema, externalOutputToSide } from '../../../main/shadow/side-output.js';
import { SCENARIOS, scenarioInput } from '../../helpers/campaign-scenarios.js';
import { readFixtureJson } from '../../helpers/fixtures.js';
import { outboxRows, runWithInput, shadowRunOf, startShadowHerald } from '../../helpers/shadow/herald.js';
import { ordered, plainDiff, type PlainOptions } from '../../helpers/shadow/plain-diff.js';
import { tempDir } from '../../helpers/tmp.js';

/**
 * September in shadow through the job runner: the real `v1-ledger` pipeline live, the real `v1-db`
 * in its sandbox, fed the scenario inputs as successive runs. Herald's shadow diff of each run must
 * equal the diff computed here, independently and with the same rules, between v1's own outputs
 * for the same inputs — `SH-2025-09.json` against `SH-2025-09@new.json` and so on.
 */
const CASES = [
  { jobId: 'campaign-sh-2025-09', control: 'SH-2025-09.json', candidate: 'SH-2025-09@new.json' },
  { jobId: 'campaign-bj-2025-09', control: 'BJ-2025-09.json', candidate: 'BJ-2025-09@new.json' },
  // Two cumulative runs: the sandbox keeps the candidate's state between them.
  { jobId: 'campaign-sh-2025-09', control: 'SH-2025-09_dedup.json', candidate: 'SH-2025-09@new_dedup.json' },
];

/** The fields v1's September validators compared (spec §6). */
const V1_VALIDATOR_FIELDS = [
  '合同ID(_id)', '管家(serviceHousekeeper)', '合同金额(adjustRefundMoney)', '管家累计单数', '管家累计金额', '计入业绩金额',
  '奖励类型', '奖励名称', '活动编号', '服务商(orgName)', '支付金额(paidAmount)', '活动期内第几个合同', '激活奖励状态',
  '是否发送通知', '工单类型', '平台单累计数量', '平台单累计金额', '自引单累计数量', '自引单累计金额',
];

const RULE_SETS: Array<{ name: string; rules: DiffRulesInput; plain: PlainOptions }> = [
  { name: 'default rules (every field)', rules: {}, plain: { oneSided: 'differ' } },
  { name: 'fields both sides have', rules: { fieldsOnOneSide: 'ignore' }, plain: { oneSided: 'ignore' } },
  { name: "v1's validator fields", rules: { fields: V1_VALIDATOR_FIELDS }, plain: { fields: V1_VALIDATOR_FIELDS, oneSided: 'differ' } },
];

/** Batch `i` of a fixture output as a comparable side. */
function fixtureBatch(fixture: string, i: number): DiffSide {
  const output = ExternalOutputSchema.parse(readFixtureJson('scenarios', 'out', fixture));
  return externalOutputToSide({ ...output, batches: [output.batches[i]!] });
}

function inputsOf(fixture: string): string[] {
  return SCENARIOS.find((s) => s.fixture === fixture)!.inputs;
}

const opened: Herald[] = [];
afterEach(async () => {
  for (const h of opened.splice(0)) await h.close();
});

describe.each(CASES)('September in shadow through the runner: $control vs $candidate', ({ jobId, control, candidate }) => {
  it('v1 made both outputs from the same inputs', () => {
    expect(inputsOf(control)).toEqual(inputsOf(candidate));
  });

  it.each(RULE_SETS)('finds every difference and invents none, run by run ($name)', async ({ rules, plain }) => {
    const clock = new ManualClock(Date.parse('2025-09-30T02:00:00Z'));
    const { herald, jobs } = await startShadowHerald(tempDir(), clock);
    opened.push(herald);
    updateShadowSettings(herald.db, clock, jobId, { config: ShadowConfigSchema.parse({ diff: rules }) });
    setMode(herald.db, clock, { jobId, mode: 'shadow', candidatePipeline: 'v1-db', reason: 'September in shadow', actor: 'api' });

    const inputs = inputsOf(control);
    let differencesFound = 0;
    for (const [i, file] of inputs.entries()) {
      clock.advance(3 * 60_000);
      const run = await runWithInput(jobs, jobId, scenarioInput(file));
      const controlSide = fixtureBatch(control, i);
      const expected = plainDiff(controlSide, fixtureBatch(candidate, i), plain);
      expect(run).toMatchObject({ status: 'succeeded', mode: 'shadow', pipeline: 'v1-ledger', records: controlSide.records.length, messages: controlSide.messages.length });

      const stored = shadowRunOf(herald.db, jobId, run.id)!;
      expect(stored.candidate).toMatchObject({ pipelineId: 'v1-db', store: 'sandbox', error: null });
      const diff = getShadowRunDiff(herald.db, stored.id)!;
      const found = diff.recordDifferences.flatMap((r) => r.differences.map((d) => ({ key: r.key, ...d })));
      expect(ordered(found)).toEqual(ordered(expected.differences));
      expect(diff.recordDifferences.filter((r) => r.status === 'onlyInControl').map((r) => r.key)).toEqual(expected.onlyInControl);
      expect(diff.recordDifferences.filter((r) => r.status === 'onlyInCandidate').map((r) => r.key)).toEqual(expected.onlyInCandidate);
      expect(diff.messageDifferences.map((m) => ({ control: m.control?.text ?? null, candidate: m.candidate?.text ?? null }))).toEqual(expected.messages);

      const differingKeys = new Set(expected.differences.map((d) => d.key));
      expect(diff.records).toMatchObject({ different: differingKeys.size, equal: controlSide.records.length - differingKeys.size - expected.onlyInControl.length });
      expect(diff.messages.equal).toBe(expected.equalMessages);
      const consistent = expected.differences.length + expected.onlyInControl.length + expected.onlyInCandidate.length + expected.messages.length === 0;
      expect(stored.consistent).toBe(consistent);
      differencesFound += found.length;
    }
    // Shanghai differs under every rule set (活动编号, 计入业绩金额, 备注 …): the comparison is not vacuous.
    if (jobId === 'campaign-sh-2025-09') expect(differencesFound).toBeGreaterThan(5);
    // Only the control's messages reached the outbox: as many as v1's legacy pipeline queued.
    const queued = inputs.reduce((n, _file, i) => n + fixtureBatch(control, i).messages.length, 0);
    expect(outboxRows(herald.db)).toHaveLength(queued);
  }, 120_000);
});
