import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listSourceCards, setSourceCard, sourceCardId } from '../../../main/sources/cards.js';
import { openDatabase } from '../../../main/db/open.js';
import { migrate } from '../../../main/db/migrate.js';
import { HeraldError } from '../../../main/shared/errors.js';
import { tempDir } from '../../helpers/tmp.js';

function db() {
  const d = openDatabase(path.join(tempDir(), 'db.sqlite'));
  migrate(d);
  return d;
}

describe('card ids per job', () => {
  it('has v1\'s cards by default (spec §2.2, §10): monitors by job id, campaigns by variant', () => {
    const d = db();
    const expected: Record<string, number> = {
      'BJ-SIGN-BROADCAST': 2003,
      'BJ-PERFORMANCE-BROADCAST': 2084,
      'housekeeper-offline-broadcast': 2085,
      'pending-orders-reminder': 1712,
      'sla-daily-report': 1514,
      'smartsheet-project-settlement': 2015,
      'smartsheet-contract-completion': 2016,
      'smartsheet-payment-records': 2017,
      'smartsheet-crew-settlement-ledger': 2015,
      'smartsheet-material-replenishment': 2081,
      'technician-status': 719,
      'contact-timeout-report': 980,
      'BJ-2025-09': 1864,
      'SH-2025-09': 1838,
      'BJ-2025-10': 1883,
      'SH-2025-10': 1884,
      'BJ-2025-11': 1864,
      'BJ-2025-12': 1864,
      'SH-2025-12': 1884,
      'SH-2025-08b': 1801,
      'BJ-2025-04': 1616,
      'SH-2025-05': 1694,
    };
    for (const [key, card] of Object.entries(expected)) expect(sourceCardId(d, key)).toBe(card);
    const list = listSourceCards(d);
    expect(list.find((e) => e.key === 'sla-daily-report')).toEqual({ key: 'sla-daily-report', cardId: 1514, defaultCardId: 1514, kind: 'job', custom: false });
    expect(list.find((e) => e.key === 'BJ-2025-10')).toMatchObject({ kind: 'campaign' });
    d.close();
  });

  it('stores the office\'s changes and additions, and resets them', () => {
    const d = db();
    setSourceCard(d, 'sla-daily-report', 1600);
    setSourceCard(d, 'BJ-2026-01', 2101);
    expect(sourceCardId(d, 'sla-daily-report')).toBe(1600);
    expect(sourceCardId(d, 'BJ-2026-01')).toBe(2101);
    const list = listSourceCards(d);
    expect(list.find((e) => e.key === 'sla-daily-report')).toMatchObject({ cardId: 1600, defaultCardId: 1514, custom: true });
    expect(list.at(-1)).toEqual({ key: 'BJ-2026-01', cardId: 2101, defaultCardId: null, kind: 'custom', custom: true });
    setSourceCard(d, 'sla-daily-report', null);
    setSourceCard(d, 'BJ-2026-01', null);
    expect(sourceCardId(d, 'sla-daily-report')).toBe(1514);
    expect(listSourceCards(d).some((e) => e.key === 'BJ-2026-01')).toBe(false);
    d.close();
  });

  it('names an unknown key and refuses bad keys and ids', () => {
    const d = db();
    expect(() => sourceCardId(d, 'BJ-2030-01')).toThrow(/No Metabase card is configured for "BJ-2030-01"/);
    for (const [key, id] of [['has space', 5], ['', 5], ['sla-daily-report', 0], ['sla-daily-report', 1.5]] as const) {
      expect(() => setSourceCard(d, key, id)).toThrow(HeraldError);
    }
    d.close();
  });
});
