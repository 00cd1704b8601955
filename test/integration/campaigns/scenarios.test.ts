import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { replayCampaign } from '../../../main/campaigns/replay.js';
import { SCENARIOS, loadExpected, scenarioDifferences, scenarioInput } from '../../helpers/campaign-scenarios.js';
import { fixturePath } from '../../helpers/fixtures.js';
import { VECTORS_FILE, vectorMessages } from '../../helpers/vectors.js';

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

describe('v1-vectors §3 message blocks', () => {
  const sections = vectorSections();
  it('finds a section per scenario run in v1-vectors.md', () => {
    expect(sections.length).toBeGreaterThanOrEqual(15);
  });

  it.each(sections)('$heading: every quoted message is one v1 queued', ({ fixture, blocks }) => {
    const scenario = SCENARIOS.find((s) => s.fixture === fixture)!;
    const result = replayCampaign({ variant: scenario.variant, batches: scenario.inputs.map(scenarioInput), month: scenario.month });
    const produced = result.batches.flatMap((b) => b.messages.map((m) => m.message));
    for (const block of blocks) expect(produced).toContain(block);
  });
});

/** The §3 sections that name their fixture (`full output fixtures/scenarios/out/X.json`) with their message blocks. */
function vectorSections(): Array<{ heading: string; fixture: string; blocks: string[] }> {
  const text = fs.readFileSync(VECTORS_FILE, 'utf8');
  const part = text.slice(text.indexOf('## 3.'), text.indexOf('## 5.'));
  return part
    .split(/\n(?=### )/)
    .filter((s) => s.startsWith('### '))
    .map((s) => ({
      heading: s.split('\n')[0]!.slice(4),
      fixture: /full output `fixtures\/scenarios\/out\/([^`]+)`/.exec(s)?.[1] ?? '',
      blocks: vectorMessages(s.split('\n')[0]!.slice(4)).map((b) => b.text),
    }))
    .filter((s) => s.fixture && SCENARIOS.some((x) => x.fixture === s.fixture));
}
