import { describe, expect, it } from 'vitest';
import { nextOpening } from '../../../main/outbox/sending-window.js';

const at = (s: string) => Date.parse(s);
const day = { start: '08:00', end: '23:30', timeZone: 'Asia/Shanghai' };

describe('nextOpening', () => {
  it('is now inside the window and without one', () => {
    expect(nextOpening(day, at('2026-03-02T12:00:00+08:00'))).toBe(at('2026-03-02T12:00:00+08:00'));
    expect(nextOpening(null, 5)).toBe(5);
    expect(nextOpening({ ...day, end: '08:00' }, 5)).toBe(5);
  });

  it('is the next 08:00 Shanghai time after the window closed or before it opened', () => {
    expect(nextOpening(day, at('2026-03-02T23:30:00+08:00'))).toBe(at('2026-03-03T08:00:00+08:00'));
    expect(nextOpening(day, at('2026-03-03T07:59:59.500+08:00'))).toBe(at('2026-03-03T08:00:00+08:00'));
  });

  it('handles a window across midnight', () => {
    const night = { start: '22:00', end: '06:00', timeZone: 'Asia/Shanghai' };
    expect(nextOpening(night, at('2026-03-02T23:00:00+08:00'))).toBe(at('2026-03-02T23:00:00+08:00'));
    expect(nextOpening(night, at('2026-03-03T05:59:00+08:00'))).toBe(at('2026-03-03T05:59:00+08:00'));
    expect(nextOpening(night, at('2026-03-03T12:00:00+08:00'))).toBe(at('2026-03-03T22:00:00+08:00'));
  });
});
