import { describe, expect, it } from 'vitest';
import { TechnicianRowError, alreadyNotified, statusFileKey, technicianChange } from '../../../../main/monitors/transforms/technician-status.js';

describe('technician status message (spec §7.1, §12.6)', () => {
  it('shows no icon for text content (its first character is taken) and two spaces where the icon would be', () => {
    expect(technicianChange(['e1', '2025-05-22T09:35:03.325454+08:00', '李国旗', '北京虹象防水工程有限公司', null, '下线']).text).toBe('您好，公司的管家：李国旗，在2025-05-22 09:35  下线 了。');
  });

  it('shows the icon for list content and prints the list as Python did', () => {
    expect(technicianChange(['e2', '2025-05-22T09:38:56.979+0800', '张朋坡', 'X', null, ['上线']]).text).toBe('您好，公司的管家：张朋坡，在2025-05-22 09:38 🟢 [\'上线\'] 了。');
    expect(technicianChange(['e3', '2025-05-22T09:38:56.979+0800', '张朋坡', 'X', null, ['下线']]).text).toContain(' 🔴 ');
    expect(technicianChange(['e4', '2025-05-22T09:38:56.979+0800', '张朋坡', 'X', null, null]).text).toBe('您好，公司的管家：张朋坡，在2025-05-22 09:38  None 了。');
  });

  it('refuses rows v1 could not handle', () => {
    expect(() => technicianChange(['e1', '2025-05-22T09:35:03+08:00', 'a', 'b', null, '下线'])).toThrow(TechnicianRowError);
    expect(() => technicianChange(['e1', '2025-05-22T09:35:03.1+08:00', 'a', 'b', null, 5])).toThrow(TechnicianRowError);
    expect(() => technicianChange(['e1', '2025-05-22T09:35:03.1+08:00', 'a'])).toThrow(TechnicianRowError);
  });

  it('matches only text ids against the stored (text) keys unless numeric matching is switched on', () => {
    const stored = new Set(['e1', '123']);
    expect(statusFileKey(123)).toBe('123');
    expect(statusFileKey(new Number(1))).toBe('1.0');
    expect(alreadyNotified('e1', stored, false)).toBe(true);
    expect(alreadyNotified(123, stored, false)).toBe(false);
    expect(alreadyNotified(123, stored, true)).toBe(true);
  });
});
