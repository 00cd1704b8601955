import { describe, expect, it } from 'vitest';
import { taskDocNumber } from '../../../main/v1import/tasks-db.js';

describe('taskDocNumber', () => {
  it('finds the contract number in announcement and award texts', () => {
    expect(taskDocNumber('恭喜 李怀华 签约合同 YHWX-SH-WWFS-2025040001 并完成线上收款🎉')).toBe('YHWX-SH-WWFS-2025040001');
    expect(taskDocNumber('郭海华签约合同YHWX-SH-TYFS-2025040001\n\n达成接好运奖励条件')).toBe('YHWX-SH-TYFS-2025040001');
    expect(taskDocNumber('您好，公司的管家：李国旗，在2025-05-22 09:35  下线 了。')).toBeUndefined();
  });
});
