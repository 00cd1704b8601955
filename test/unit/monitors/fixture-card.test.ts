import { describe, expect, it } from 'vitest';
import { cardFromFixture, cardFromFixtureText } from '../../../main/monitors/fixture-card.js';
import { isHeraldError } from '../../../main/shared/errors.js';

describe('cardFromFixture', () => {
  it('orders object rows by the card columns, appends other keys, and fills missing keys with null', () => {
    const card = cardFromFixture('housekeeper-offline-broadcast', [{ createUserName: '张三', eventId: 1, operation: '下线' }]);
    expect(card.cols.map((c) => c.name)).toEqual(['eventId', 'createTime', 'createUserName', '动作', 'operation']);
    expect(card.rows).toEqual([[1, null, '张三', null, '下线']]);
  });

  it('reads positional rows, raw Metabase responses, and keeps 36.0 a float', () => {
    expect(cardFromFixture('technician-status', [['id', 't', 'n', 'c', null, 'x']]).cols).toHaveLength(6);
    const raw = cardFromFixture('smartsheet-contract-completion', { data: { cols: [{ name: 'exts.endDateExts', display_name: 'endDateExts' }], rows: [['2026-07-24']] } });
    expect(raw.cols[0]).toEqual({ name: 'exts.endDateExts', display_name: 'endDateExts' });
    expect(cardFromFixtureText('smartsheet-material-replenishment', '[{"count": 36.0}]').rows[0]?.[0]).toBeInstanceOf(Number);
  });

  it('refuses what it cannot read, naming the job', () => {
    for (const bad of [42, [[1], { a: 1 }], { data: {} }]) {
      let error: unknown;
      try {
        cardFromFixture('sla-daily-report', bad);
      } catch (err) {
        error = err;
      }
      expect(isHeraldError(error) && error.code).toBe('MONITOR_CARD_FILE_INVALID');
    }
    expect(() => cardFromFixtureText('sla-daily-report', '[{')).toThrow(/not valid JSON/);
  });
});
