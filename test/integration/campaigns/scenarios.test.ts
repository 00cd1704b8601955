import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { replayCampaign } from '../../../main/campaigns/replay.js';
import { SCENARIOS, loadExpected, scenarioDifferences, scenarioInput } from '../../helpers/campaign-scenarios.js';
import { fixturePath } from '../../helpers/fixtures.js';

describe('v1 campaign scenarios (fixtures/scenarios/out)', () => {
  it('covers every fixture output', () => {
    const all = fs.readdirSync(fixturePath('scenarios', 'out')).filter((f) => f.endsWith('.json')).sort();
    expect(SCENARIOS.map((s) => s.fixture).sort()).toEqual(all);
  });

  it.each(SCENARIOS)('$fixture: records and messages identical to v1', (s) => {
    const expected = loadExpected(s.fixture);
    const result = replayCampaign({ variant: s.variant, batches: s.inputs.map(scenarioInput), month: s.month });
    expect(scenarioDifferences(expected, result)).toEqual([]);
  });
});
