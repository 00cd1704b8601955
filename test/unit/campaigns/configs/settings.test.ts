import { describe, expect, it } from 'vitest';
import { getCampaign } from '../../../../main/campaigns/configs/index.js';
import { applySettings, changedFields, parseCampaignSettings, settingsOf } from '../../../../main/campaigns/configs/settings.js';

describe('editable campaign settings', () => {
  it('are the shipped configuration with the award amounts in one place', () => {
    const april = settingsOf(getCampaign('BJ-2025-04'));
    // BJ April's amounts were hard-coded in v1's notifier, not in REWARD_CONFIGS.
    expect(april.awardsMapping).toEqual(getCampaign('BJ-2025-04').awardsMapping);
    expect('awards_mapping' in april.rules).toBe(false);
    const june = settingsOf(getCampaign('BJ-2025-06'));
    expect(june.awardsMapping['精英奖']).toBe('600');
    expect(june.badges).toMatchObject({ elite: true, risingStar: true });
    expect(june.badges.eliteNames.map((l) => l.from)).toEqual(['2025-04-01', '2025-07-08', '2025-08-12']);
  });

  it('apply back to the same campaign when unchanged, and carry edits into rules, messages, badges and recipients', () => {
    const base = getCampaign('SH-2025-10');
    const same = applySettings(base, settingsOf(base));
    expect(same.awardsMapping).toEqual(base.awardsMapping);
    expect(same.variant.recipients).toEqual(base.variant.recipients);
    expect(same.rules.tiered_rewards).toEqual(base.rules.tiered_rewards);
    const edited = settingsOf(base);
    edited.recipients.group = 'sh-ops-group-2';
    edited.badges.eliteNames = [{ from: '2025-10-01', names: ['王五'] }];
    const applied = applySettings(base, edited);
    expect(applied.variant.recipients.group).toBe('sh-ops-group-2');
    expect(applied.badgeLists.elite).toEqual([{ from: '2025-10-01', names: ['王五'] }]);
    expect(applied.variant.pipeline).toBe('v1-db');
  });

  it('refuse an invalid document naming the variant and the field', () => {
    const doc = settingsOf(getCampaign('BJ-2025-10')) as unknown as { rules: { lucky_number: string } };
    doc.rules.lucky_number = '88';
    expect(() => parseCampaignSettings('BJ-2025-10', doc)).toThrow(/The configuration of campaign BJ-2025-10 is invalid: rules\.lucky_number: /);
    expect(() => parseCampaignSettings('BJ-2025-10', { ...settingsOf(getCampaign('BJ-2025-10')), extra: 1 })).toThrow(/\(root\): Unrecognized key/);
  });

  it('name the fields an edit changed', () => {
    const a = settingsOf(getCampaign('BJ-2025-06'));
    const b = structuredClone(a);
    b.rules.tiered_rewards.tiers[2]!.threshold = 200000;
    b.recipients.award = 'someone';
    expect(changedFields(a, b)).toEqual(['rules.tiered_rewards.tiers', 'recipients.award']);
    expect(changedFields(a, structuredClone(a))).toEqual([]);
  });
});
