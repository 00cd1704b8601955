import { describe, expect, it } from 'vitest';
import { activityCodeFor, badgeListsOn, getCampaign, listVariants, resolveCampaign, rewardConfig } from '../../../../main/campaigns/configs/index.js';
import { variantData } from '../../../../main/campaigns/configs/variants.js';
import { HeraldError } from '../../../../main/shared/errors.js';
import { SCENARIOS } from '../../../helpers/campaign-scenarios.js';

describe('campaign configurations', () => {
  it('has every variant the fixtures name, each resolving and validating', () => {
    const ids = listVariants();
    for (const s of SCENARIOS) expect(ids).toContain(s.variant);
    for (const id of ['BJ-2025-07', 'BJ-2025-08', 'SH-2025-05', 'SH-2025-07', 'SH-2025-08', 'BJ-2025-12']) expect(ids).toContain(id);
    for (const id of ids) expect(getCampaign(id).variant.id).toBe(id);
  });

  it('maps variants to v1 config keys, activity codes and pipelines (spec §3.6, §3.7.1)', () => {
    const row = (id: string) => {
      const { variant } = getCampaign(id);
      return [variant.rewardConfig.key, variant.activityCode, variant.pipeline];
    };
    expect(row('BJ-2025-07')).toEqual(['BJ-2025-06', 'BJ-2025-07', 'v1-ledger']);
    expect(row('SH-2025-09@new')).toEqual(['SH-2025-09', 'SH-SEP', 'v1-db']);
    expect(row('BJ-2025-12')).toEqual(['BJ-2025-11', 'BJ-DEC', 'v1-db']);
    expect(row('BJ-SIGN-BROADCAST')).toEqual(['BJ-2025-11', 'BJ-SIGN-BROADCAST-{YYYY-MM}', 'v1-db']);
    expect(activityCodeFor(getCampaign('BJ-PERFORMANCE-BROADCAST').variant, '2026-05')).toBe('BJ-PERFORMANCE-BROADCAST-2026-05');
  });

  it('names an unknown variant', () => {
    expect(() => getCampaign('BJ-2030-01')).toThrow(HeraldError);
    expect(() => getCampaign('BJ-2030-01')).toThrow(/no campaign variant "BJ-2030-01"/);
  });

  it('refuses an invalid configuration, naming the variant and the field', () => {
    const broken = { ...variantData[0]!, id: 'BJ-2030-01', activityCode: '' };
    expect(() => resolveCampaign(broken)).toThrow(/campaign BJ-2030-01 is invalid: activityCode/);
    const missingRules = { ...variantData[0]!, id: 'BJ-2030-02', rewardConfig: { key: 'BJ-2030-02', version: 1 } };
    expect(() => resolveCampaign(missingRules)).toThrow(/no reward configuration BJ-2030-02 version 1/);
  });

  it('keeps v1 reward configs verbatim (Appendix A)', () => {
    expect(rewardConfig('BJ-2025-10', 2).performance_limits).toEqual({ enable_cap: true, self_referral_contract_cap: 200000, self_referral_project_limit: 200000, single_contract_cap: 50000, single_project_limit: 50000 });
    expect(rewardConfig('SH-2025-12', 1).notification_config?.closing_message).toBe('继续加油，再接再厉！');
  });

  it('dates the badge lists (Appendix B.3)', () => {
    expect([...badgeListsOn('2025-06-30').elite]).toEqual(['胡林波', '余金凤', '文刘飞', '李卓', '吕世军']);
    expect([...badgeListsOn('2025-07-31').elite]).toEqual(['文刘飞', '孔祥达1', '陈东']);
    expect([...badgeListsOn('2025-08-12').elite]).toEqual(['余金凤']);
    expect(badgeListsOn('2025-06-01').risingStar.size).toBe(66);
    expect(badgeListsOn('2025-05-01').risingStar.size).toBe(0);
  });
});
