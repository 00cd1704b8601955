import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../../../../renderer/src/format/time.js';

describe('dates in the UI', () => {
  it('are shown in Asia/Shanghai (UTC+8) whatever the machine’s zone', () => {
    // 16:30 UTC on 1 March is half past midnight on 2 March in Shanghai.
    expect(formatDateTime('2026-03-01T16:30:00.000Z')).toBe('2026-03-02 00:30:00');
    expect(formatDateTime(Date.UTC(2026, 6, 15, 1, 0, 5))).toBe('2026-07-15 09:00:05');
    expect(formatDateTime(new Date(Date.UTC(2025, 11, 31, 23, 59, 59)))).toBe('2026-01-01 07:59:59');
  });

  it('shows a dash for nothing and an unreadable value as it is', () => {
    expect(formatDateTime(null)).toBe('-');
    expect(formatDateTime(undefined)).toBe('-');
    expect(formatDateTime('')).toBe('-');
    expect(formatDateTime('not a date')).toBe('not a date');
  });
});
