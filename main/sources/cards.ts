import type { Db } from '../db/open.js';
import { HeraldError } from '../shared/errors.js';
import { SOURCE_CARD_KEY } from './card-key.js';

/**
 * Which Metabase card each job reads. Monitors are keyed by job id, campaigns by campaign variant
 * (the fixtures' `campaign` names). The defaults are v1's (spec §2.2, §1.4, §10); the office's
 * changes are rows of `source_cards`, and a key without a default (a new month) can be added.
 */
export type SourceCardKind = 'job' | 'campaign' | 'custom';

interface DefaultCard {
  key: string;
  cardId: number;
  kind: Exclude<SourceCardKind, 'custom'>;
}

const job = (key: string, cardId: number): DefaultCard => ({ key, cardId, kind: 'job' });
const campaign = (key: string, cardId: number): DefaultCard => ({ key, cardId, kind: 'campaign' });

export const DEFAULT_SOURCE_CARDS: readonly DefaultCard[] = [
  campaign('BJ-SIGN-BROADCAST', 2003),
  campaign('BJ-PERFORMANCE-BROADCAST', 2084),
  job('housekeeper-offline-broadcast', 2085),
  job('pending-orders-reminder', 1712),
  job('sla-daily-report', 1514),
  job('smartsheet-project-settlement', 2015),
  job('smartsheet-contract-completion', 2016),
  job('smartsheet-payment-records', 2017),
  job('smartsheet-crew-settlement-ledger', 2015),
  job('smartsheet-material-replenishment', 2081),
  job('technician-status', 719),
  job('contact-timeout-report', 980),
  campaign('BJ-2025-04', 1616),
  campaign('SH-2025-04', 1617),
  campaign('BJ-2025-05', 1693),
  campaign('SH-2025-05', 1694),
  // June used 1693/1694 until 2025-07-08, then its own cards.
  campaign('BJ-2025-06', 1707),
  campaign('SH-2025-06', 1708),
  campaign('BJ-2025-07', 1748),
  campaign('SH-2025-07', 1749),
  campaign('BJ-2025-08', 1800),
  campaign('SH-2025-08', 1801),
  campaign('SH-2025-08b', 1801),
  campaign('BJ-2025-09', 1864),
  campaign('BJ-2025-09@new', 1864),
  campaign('SH-2025-09', 1838),
  campaign('SH-2025-09@new', 1838),
  campaign('BJ-2025-10', 1883),
  campaign('SH-2025-10', 1884),
  // 1864 was reused for BJ November and December, 1884 for SH November and December.
  campaign('BJ-2025-11', 1864),
  campaign('BJ-2025-12', 1864),
  campaign('SH-2025-11', 1884),
  campaign('SH-2025-12', 1884),
];

export interface SourceCardEntry {
  key: string;
  cardId: number;
  defaultCardId: number | null;
  kind: SourceCardKind;
  /** The office changed (or added) it. */
  custom: boolean;
}

const DEFAULTS = new Map(DEFAULT_SOURCE_CARDS.map((d) => [d.key, d]));

function overrides(db: Db): Map<string, number> {
  const rows = db.prepare('SELECT job_id, card_id FROM source_cards').all() as Array<{ job_id: string; card_id: number }>;
  return new Map(rows.map((r) => [r.job_id, r.card_id]));
}

/** Defaults in their order, then keys the office added, alphabetically. */
export function listSourceCards(db: Db): SourceCardEntry[] {
  const changed = overrides(db);
  const entries: SourceCardEntry[] = DEFAULT_SOURCE_CARDS.map((d) => ({
    key: d.key,
    cardId: changed.get(d.key) ?? d.cardId,
    defaultCardId: d.cardId,
    kind: d.kind,
    custom: changed.has(d.key),
  }));
  const added = [...changed.entries()].filter(([key]) => !DEFAULTS.has(key)).sort(([a], [b]) => a.localeCompare(b));
  for (const [key, cardId] of added) entries.push({ key, cardId, defaultCardId: null, kind: 'custom', custom: true });
  return entries;
}

/** Sets a key's card; `null` returns it to its default (or removes a key that has none). */
export function setSourceCard(db: Db, key: string, cardId: number | null): void {
  if (!SOURCE_CARD_KEY.test(key)) {
    throw new HeraldError('SOURCE_CARD_KEY_INVALID', `"${key}" is not a job id or campaign name (letters, digits, - _ . @).`, { key });
  }
  if (cardId === null) {
    db.prepare('DELETE FROM source_cards WHERE job_id = ?').run(key);
    return;
  }
  if (!Number.isSafeInteger(cardId) || cardId <= 0) throw new HeraldError('SOURCE_CARD_INVALID', `A card id is a positive whole number (got ${cardId}).`, { key });
  db.prepare(
    `INSERT INTO source_cards (job_id, card_id, updated_at) VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%fZ','now'))
     ON CONFLICT(job_id) DO UPDATE SET card_id = excluded.card_id, updated_at = excluded.updated_at`,
  ).run(key, cardId);
}

export function sourceCardId(db: Db, key: string): number {
  const row = db.prepare('SELECT card_id FROM source_cards WHERE job_id = ?').get(key) as { card_id: number } | undefined;
  const id = row?.card_id ?? DEFAULTS.get(key)?.cardId;
  if (id === undefined) {
    throw new HeraldError('SOURCE_CARD_UNKNOWN', `No Metabase card is configured for "${key}"; add it in Settings → Data sources.`, { key });
  }
  return id;
}
