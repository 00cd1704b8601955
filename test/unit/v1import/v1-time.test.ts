import { describe, expect, it } from 'vitest';
import { v1Time } from '../../../main/v1import/v1-time.js';

describe('v1Time', () => {
  it("reads the PC's local time as Asia/Shanghai and the database's CURRENT_TIMESTAMP as UTC", () => {
    expect(new Date(v1Time('2025-04-29 15:48:25', 'shanghai', 0)).toISOString()).toBe('2025-04-29T07:48:25.000Z');
    expect(new Date(v1Time('2026-05-20 02:00:00', 'utc', 0)).toISOString()).toBe('2026-05-20T02:00:00.000Z');
    expect(new Date(v1Time('2025-04-29 15:48:25.123456', 'shanghai', 0)).toISOString()).toBe('2025-04-29T07:48:25.123Z');
    expect(new Date(v1Time('2026-09-01T00:30:00+00:00', 'shanghai', 0)).toISOString()).toBe('2026-09-01T00:30:00.000Z');
  });

  it('falls back on anything else', () => {
    expect(v1Time(null, 'utc', 42)).toBe(42);
    expect(v1Time('yesterday', 'utc', 42)).toBe(42);
  });
});
