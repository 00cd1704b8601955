import { describe, expect, it } from 'vitest';
import { calibrateNoise, diffRules, diffSides, type DiffSide } from '../../../../main/shadow/diff/index.js';

const rec = (key: string, fields: Record<string, unknown>) => ({ key, fields: { id: key, ...fields } });
const side = (records: DiffSide['records'], messages: DiffSide['messages'] = []): DiffSide => ({ records, messages });
const rules = diffRules();

describe('record diff', () => {
  it('pairs by key whatever the order, and counts equal, different, only-in-control and only-in-candidate', () => {
    const control = side([rec('C1', { amount: 100 }), rec('C2', { amount: 200 }), rec('C3', { amount: 300 })]);
    const candidate = side([rec('C4', { amount: 400 }), rec('C2', { amount: '200.00' }), rec('C1', { amount: 101 })]);
    const d = diffSides(control, candidate, rules);
    expect(d.records).toEqual({ equal: 1, different: 1, onlyInControl: 1, onlyInCandidate: 1, noiseOnly: 0, total: 4 });
    expect(d.recordDifferences.map((r) => [r.key, r.status])).toEqual([
      ['C1', 'different'],
      ['C3', 'onlyInControl'],
      ['C4', 'onlyInCandidate'],
    ]);
    expect(d.recordDifferences[0]!.differences).toEqual([{ field: 'amount', control: 100, candidate: 101 }]);
    expect(d.recordDifferences[0]!.control).toEqual({ id: 'C1', amount: 100 });
    expect(d.consistent).toBe(false);
    expect(d.consistency).toBeCloseTo(1 / 4);
    expect(d.fieldCounts).toEqual({ amount: 1 });
  });

  it('ignores timestamps and private fields by default, and any configured field', () => {
    const control = side([rec('C1', { 登记时间: '2026-11-24 23:28:50', updated_at: 'x', _rewards: [1], note: 'a', extra: 1 })]);
    const candidate = side([rec('C1', { 登记时间: '2026-11-25 08:00:00', updated_at: 'y', _rewards: [], note: 'a', extra: 2 })]);
    expect(diffSides(control, candidate, rules).records.different).toBe(1);
    const d = diffSides(control, candidate, diffRules({ ignoreFields: ['登记时间', 'updated_at', 'extra'] }));
    expect(d.records.equal).toBe(1);
    expect(d.consistent).toBe(true);
  });

  it('compares only the listed fields when the job lists them', () => {
    const control = side([rec('C1', { a: 1, b: 'x' })]);
    const candidate = side([rec('C1', { a: 1, b: 'y' })]);
    expect(diffSides(control, candidate, diffRules({ fields: ['a'] })).consistent).toBe(true);
    expect(diffSides(control, candidate, diffRules({ fields: ['a', 'b'] })).recordDifferences[0]!.differences).toEqual([{ field: 'b', control: 'x', candidate: 'y' }]);
  });

  it('treats a field one side never has as a difference by default, or lists it only', () => {
    const control = side([rec('C1', { 奖金池: 0 })]);
    const candidate = side([rec('C1', { pcContractdocNum: '', is_historical: false })]);
    const d = diffSides(control, candidate, rules);
    expect(d.schema).toEqual({ onlyInControl: ['奖金池'], onlyInCandidate: ['pcContractdocNum', 'is_historical'] });
    expect(d.recordDifferences[0]!.differences).toEqual([
      { field: '奖金池', control: 0, candidate: null },
      { field: 'is_historical', control: null, candidate: false },
    ]);
    expect(diffSides(control, candidate, diffRules({ fieldsOnOneSide: 'ignore' })).consistent).toBe(true);
  });

  it('pairs a repeated key occurrence by occurrence', () => {
    const control = side([rec('C1', { n: 1 }), rec('C1', { n: 2 })]);
    const candidate = side([rec('C1', { n: 1 }), rec('C1', { n: 2 }), rec('C1', { n: 3 })]);
    const d = diffSides(control, candidate, rules);
    expect(d.records).toMatchObject({ equal: 2, onlyInCandidate: 1, total: 3 });
  });

  it('keeps at most maxDetails differences in full but counts them all', () => {
    const many = (n: number, v: number) => side(Array.from({ length: n }, (_, i) => rec(`C${i}`, { v })));
    const d = diffSides(many(50, 1), many(50, 2), diffRules({ maxDetails: 10 }));
    expect(d.records.different).toBe(50);
    expect(d.recordDifferences).toHaveLength(10);
    expect(d.truncated).toBe(true);
  });

  it('is fully consistent for two empty sides', () => {
    expect(diffSides(side([]), side([]), rules)).toMatchObject({ consistency: 1, consistent: true });
  });
});

describe('message diff', () => {
  it('pairs by position when a side gives no identity, compares texts exactly and gives a line diff', () => {
    const control = side([], [
      { recipient: '（上海）运营群', text: 'line 1\nline 2' },
      { recipient: '满浩浩', text: 'award' },
    ]);
    const candidate = side([], [
      { identity: 'a', recipient: '<sign broadcast webhook>', text: 'line 1\nline 2 ' },
      { identity: 'b', recipient: '<campaign contact>', text: 'award' },
      { identity: 'c', recipient: 'x', text: 'extra' },
    ]);
    const d = diffSides(control, candidate, rules);
    expect(d.messages).toEqual({ equal: 1, different: 1, onlyInControl: 0, onlyInCandidate: 1, noiseOnly: 0, total: 3, pairing: 'position' });
    const first = d.messageDifferences[0]!;
    expect(first).toMatchObject({ index: 0, status: 'different', recipientDiffers: true });
    expect(first.lines).toEqual([
      { op: 'equal', text: 'line 1' },
      { op: 'delete', text: 'line 2' },
      { op: 'insert', text: 'line 2 ' },
    ]);
    expect(d.messageDifferences[1]).toMatchObject({ index: 2, status: 'onlyInCandidate', control: null, candidate: { text: 'extra' } });
  });

  it('counts a different recipient only when the job says so', () => {
    const control = side([], [{ recipient: 'A', text: 't' }]);
    const candidate = side([], [{ recipient: 'B', text: 't' }]);
    expect(diffSides(control, candidate, rules).messages.equal).toBe(1);
    expect(diffSides(control, candidate, diffRules({ compareRecipients: true })).messages.different).toBe(1);
  });

  it('pairs by business identity when both sides give one, whatever the order', () => {
    const m = (identity: string, text: string) => ({ identity, recipient: identity.split('|')[1]!, text });
    const control = side([], [m('ann|group', 'a'), m('award|contact', 'b'), m('ann2|group', 'c')]);
    const candidate = side([], [m('award|contact', 'b'), m('ann|group', 'a!'), m('ann3|group', 'd')]);
    const d = diffSides(control, candidate, rules);
    expect(d.messages).toMatchObject({ pairing: 'identity', equal: 1, different: 1, onlyInControl: 1, onlyInCandidate: 1 });
    expect(d.messageDifferences.map((x) => [x.pairKey, x.status])).toEqual([
      ['ann|group', 'different'],
      ['ann2|group', 'onlyInControl'],
      ['ann3|group', 'onlyInCandidate'],
    ]);
  });
});

describe('noise calibration', () => {
  const run = (stamp: string, seq: number, amount: number, extraRecord = false, greeting = 'hello') =>
    side(
      [rec('C1', { stamp, amount, seq }), rec('C2', { stamp, amount: 5, seq }), ...(extraRecord ? [rec('C9', {})] : [])],
      [
        { recipient: 'g', text: `${greeting} at ${stamp}` },
        { recipient: 'g', text: 'stable' },
      ],
    );

  it('finds the fields, records and messages that differ between two control runs', () => {
    const noise = calibrateNoise(run('09:00', 1, 100), run('09:01', 1, 100, true), rules);
    expect(noise).toEqual({ fields: ['stamp'], recordKeys: ['C9'], messageKeys: ['#0'] });
  });

  it('reports noisy differences apart and leaves them out of the verdict', () => {
    const noise = calibrateNoise(run('09:00', 1, 100), run('09:01', 1, 100), rules);
    const onlyNoise = diffSides(run('09:00', 1, 100), run('09:02', 1, 100), rules, noise);
    expect(onlyNoise.records).toMatchObject({ equal: 0, noiseOnly: 2, different: 0 });
    expect(onlyNoise.messages).toMatchObject({ equal: 1, noiseOnly: 1, different: 0 });
    expect(onlyNoise.consistent).toBe(true);
    expect(onlyNoise.recordDifferences[0]).toMatchObject({ status: 'noise', differences: [], noise: [{ field: 'stamp', control: '09:00', candidate: '09:02' }] });

    const real = diffSides(run('09:00', 1, 100), run('09:02', 2, 100), rules, noise);
    expect(real.records.different).toBe(2);
    expect(real.recordDifferences[0]!.differences).toEqual([{ field: 'seq', control: 1, candidate: 2 }]);
    expect(real.recordDifferences[0]!.noise).toEqual([{ field: 'stamp', control: '09:00', candidate: '09:02' }]);
    expect(real.consistent).toBe(false);
  });

  it('without calibration the same timestamp differences count', () => {
    expect(diffSides(run('09:00', 1, 100), run('09:02', 1, 100), rules).consistent).toBe(false);
  });
});
