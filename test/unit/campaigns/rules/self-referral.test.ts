import { describe, expect, it } from 'vitest';
import { rewardConfig } from '../../../../main/campaigns/configs/index.js';
import { legacySelfReferral } from '../../../../main/campaigns/rules/self-referral.js';
import { unquote, vectorTable } from '../../../helpers/vectors.js';

describe('self-referral 红包 with address de-duplication (v1-vectors §1)', () => {
  it('rewards each project address of a housekeeper once, the empty address included', () => {
    const rows = vectorTable('| address | (type, name, qualified)');
    expect(rows.length).toBeGreaterThan(3);
    const seen = new Set<string>();
    let rewards = 0;
    for (const [address, outcome, soFar] of rows) {
      const reward = legacySelfReferral(rewardConfig('SH-2025-09', 3), unquote(address!), seen);
      if (reward) rewards += 1;
      const got = reward ? `('${reward.type}', '${reward.name}', True)` : "('', '', False)";
      expect(got).toBe(outcome);
      expect(rewards).toBe(Number(soFar));
    }
  });

  it('gives nothing when the configuration does not enable it', () => {
    expect(legacySelfReferral(rewardConfig('SH-2025-10', 1), 'x', new Set())).toBeUndefined();
  });
});
