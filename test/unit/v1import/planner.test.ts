import { describe, expect, it } from 'vitest';
import { Planner, emptyPlan } from '../../../main/v1import/planner.js';
import type { PlannedNotification } from '../../../main/v1import/types.js';

const base: PlannedNotification = { jobId: 'j', businessType: 'campaign.announcement', businessId: 'A:1', recipient: 'group', status: 'sent', at: 0, source: 's', evidence: 'flag' };

function merged(...items: Array<Partial<PlannedNotification>>): PlannedNotification[] {
  const p = new Planner(emptyPlan('pc-folder', '/v1'));
  for (const i of items) p.notify({ ...base, ...i });
  return p.result().notifications;
}

describe('Planner: one notification per identity', () => {
  it('a delivery record beats a flag, whatever the order', () => {
    const task = { evidence: 'record' as const, status: 'unknown' as const, content: { kind: 'text' as const, text: 'task text' } };
    expect(merged({ evidence: 'flag' }, task)).toEqual([{ ...base, ...task }]);
    expect(merged(task, { evidence: 'flag' })).toEqual([{ ...base, ...task }]);
  });

  it('among records: sent > unknown > failed > dead, keeping a text when the winner has none', () => {
    const result = merged(
      { evidence: 'record', status: 'failed', content: { kind: 'text', text: 'older text' }, source: 'row 1' },
      { evidence: 'record', status: 'sent', source: 'row 2' },
      { evidence: 'record', status: 'dead', source: 'row 3' },
    );
    expect(result).toEqual([{ ...base, evidence: 'record', status: 'sent', source: 'row 2', content: { kind: 'text', text: 'older text' } }]);
  });

  it('keeps different identities apart (another recipient is another message)', () => {
    expect(merged({}, { recipient: 'contact' }, { businessId: 'A:2' })).toHaveLength(3);
  });
});
