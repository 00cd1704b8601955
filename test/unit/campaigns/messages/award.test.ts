import { describe, expect, it } from 'vitest';
import { notifierAwardsMappings } from '../../../../main/campaigns/configs/reward-configs.js';
import { awardMessage } from '../../../../main/campaigns/messages/award.js';

const mapping = notifierAwardsMappings['bj-may-notifier'];

describe('award message (spec §4.3)', () => {
  it('lists each mapped award, skipping unmapped names, without a trailing line feed', () => {
    const text = awardMessage({ name: '张三', docNum: 'D1', types: ['幸运数字', '节节高', '自引单'], names: ['接好运', '达标奖', '红包'], mapping });
    expect(text).toBe('张三签约合同D1\n\n达成接好运奖励条件，获得签约奖励28元 🧧🧧🧧\n达成达标奖奖励条件，获得签约奖励200元 🧧🧧🧧');
  });

  it('shows the order type from September 2025 on', () => {
    expect(awardMessage({ name: '王五', docNum: 'D2', orderType: '自引单', types: [], names: [], mapping })).toBe('王五签约合同（自引单）D2\n\n');
  });

  it('doubles only tier awards of an elite housekeeper, and only when types and names pair up', () => {
    const elite = { name: '余金凤', docNum: 'D3', mapping, eliteBadge: '【🎖精英管家】' };
    expect(awardMessage({ ...elite, types: ['幸运数字', '节节高'], names: ['接好运', '达标奖'] })).toBe(
      '【🎖精英管家】余金凤签约合同D3\n\n达成接好运奖励条件，获得签约奖励28元 🧧🧧🧧\n达成 达标奖 奖励条件，奖励金额 200 元，同时触发"精英连击双倍奖励"，奖励金额🚀直升至 400 元！🧧🧧🧧',
    );
    expect(awardMessage({ ...elite, types: ['节节高'], names: ['接好运', '达标奖'] })).toContain('达成达标奖奖励条件，获得签约奖励200元');
  });
});
