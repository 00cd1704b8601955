import { describe, expect, it } from 'vitest';
import type { PipelineOutput } from '../../../main/jobs/types.js';
import { packOutput, unpackSide } from '../../../main/shadow/packed-side.js';
import { compareHere, compareInWorker, startCompareWorker, type CompareRequest } from '../../../main/shadow/compare.js';
import { diffRules, type ShadowDiff } from '../../../main/shadow/diff/index.js';

function output(total: (i: number) => number, extra = ''): PipelineOutput {
  return {
    records: Array.from({ length: 50 }, (_, i) => ({ key: `C${i}`, fields: { '合同ID(_id)': `C${i}`, 管家累计金额: total(i), 登记时间: `t${extra}` } })),
    messages: [{ businessType: 'campaign.announcement', businessId: 'X:C1', recipient: 'group', content: { kind: 'text', text: `恭喜\n累计 ${total(1)} 元\n` } }],
    counts: {},
  };
}

describe('shadow comparison', () => {
  it('compares in a worker of its own, reading packed sides handed over without a copy, as it does in this thread', async () => {
    const control = output((i) => i * 1000);
    const candidate = output((i) => i * 1000 + (i === 1 ? 5 : 0), 'x');
    const second = output((i) => i * 1000, 'y');
    const here = await compareHere({ rules: diffRules(), control: { kind: 'output', output: control }, candidate: { kind: 'output', output: candidate }, second: { kind: 'output', output: second } });
    const hereDiff = JSON.parse(here.diff.json) as ShadowDiff;
    expect(hereDiff.recordDifferences.map((r) => [r.key, r.differences])).toEqual([['C1', [{ field: '管家累计金额', control: 1000, candidate: 1005 }]]]);
    expect(here).toMatchObject({ noiseCalibrated: true, diff: { consistent: false, records: { different: 1, equal: 49 } } });

    const packed = packOutput(candidate);
    expect(packed).toMatchObject({ records: 50, messages: 1 });
    const request: CompareRequest = { rules: diffRules(), control: { kind: 'packed', bytes: packOutput(control).bytes }, candidate: { kind: 'packed', bytes: packed.bytes }, second: { kind: 'side', side: { records: second.records, messages: [] } } };
    const there = await compareInWorker(request);
    expect(packed.bytes.byteLength).toBe(0); // transferred
    expect(there.diff.records).toEqual(here.diff.records);
    const thereDiff = JSON.parse(there.diff.json) as ShadowDiff;
    expect(thereDiff.recordDifferences).toEqual(hereDiff.recordDifferences);
    expect(thereDiff.messageDifferences[0]!.lines).toContainEqual({ op: 'insert', text: '累计 1005 元' });
  });

  it('packs a side column-wise and reads it back as it was: fields a record lacks stay absent, messages keep their identity', () => {
    const output: PipelineOutput = {
      records: [
        { key: 'C1', fields: { a: 1, b: '甲', c: null } },
        { key: 'C2', fields: { b: '乙', d: 2.5 } },
      ],
      messages: [{ businessType: 't', businessId: 'X:1', recipient: 'group', content: { kind: 'markdown', text: '**hi**' } }],
      counts: {},
    };
    const side = unpackSide(packOutput(output).bytes);
    expect(side.records).toEqual([
      { key: 'C1', fields: { a: 1, b: '甲', c: null } },
      { key: 'C2', fields: { b: '乙', d: 2.5 } },
    ]);
    expect(Object.keys(side.records[1]!.fields)).toEqual(['b', 'd']);
    expect(side.messages).toEqual([{ identity: 't\u0000X:1\u0000group', recipient: 'group', text: '**hi**' }]);
  });

  it('a comparison that cannot run fails clearly', async () => {
    const broken: CompareRequest = { rules: diffRules(), control: { kind: 'packed', bytes: new ArrayBuffer(3) }, candidate: { kind: 'side', side: { records: [], messages: [] } }, second: null };
    await expect(compareInWorker(broken)).rejects.toMatchObject({ code: 'SHADOW_COMPARE_FAILED' });
  });

  it('a worker started before the sides are ready compares once they are, and one given up ends without comparing', async () => {
    const empty: CompareRequest['control'] = { kind: 'side', side: { records: [], messages: [] } };
    const started = startCompareWorker();
    // The worker loads while the sides would run.
    await new Promise((r) => setTimeout(r, 300));
    const control = output((i) => i);
    const candidate = output((i) => i + (i === 3 ? 1 : 0));
    const result = await started.compare({ rules: diffRules(), control: { kind: 'output', output: control }, candidate: { kind: 'output', output: candidate }, second: null });
    expect(result.diff.records).toMatchObject({ different: 1, equal: 49 });
    started.dispose();

    const givenUp = startCompareWorker();
    givenUp.dispose();
    await expect(givenUp.compare({ rules: diffRules(), control: empty, candidate: empty, second: null })).rejects.toMatchObject({ code: 'SHADOW_COMPARE_FAILED' });
  });
});
