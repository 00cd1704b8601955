/**
 * A Metabase card's answer as Herald passes it around: column metadata and positional rows, exactly
 * as `POST /api/card/{id}/query` returns them under `data` (spec §2.1). Jobs snapshot this as their
 * run input, so a rerun or a replay sees the same rows.
 */
export interface CardColumn {
  name: string;
  display_name?: string;
  /** Metabase's column type (`type/Float`, `type/Integer`, `type/Text` …): floats print as `0.0` in v1's files. */
  base_type?: string;
}

export interface CardResult {
  cols: CardColumn[];
  rows: unknown[][];
  /**
   * Which card (and server) the rows came from, recorded by the Metabase client, so a job's errors
   * and warnings name the card it actually read (Settings → Data sources may have changed it). Absent
   * for rows from a file or a test; jobs then name their default card.
   */
  source?: { card: number; server?: string };
}

/** A card query's successful answer (HTTP 200/202), not yet decoded. */
export interface CardAnswer {
  card: number;
  server: string;
  status: number;
  contentType: string;
  bytes: Uint8Array;
}

export interface MetabaseClient {
  /** Runs a saved question. Throws a HeraldError naming the card on any failure. */
  queryCard(cardId: number, options?: { signal?: AbortSignal }): Promise<CardResult>;
  /**
   * Runs a saved question and hands its answer, still bytes, to `consume` — which may decode and
   * parse it in a worker thread, so a big card never blocks the main thread. A HeraldError from
   * `consume` counts as an unusable answer: one re-login and retry, as for `queryCard`.
   */
  queryCardWith<T>(cardId: number, consume: (answer: CardAnswer) => Promise<T>, options?: { signal?: AbortSignal }): Promise<T>;
  /**
   * The card a job reads, as Settings → Data sources has it: keyed by job id for the monitors
   * (`sla-daily-report` → 1514) and by campaign variant for the campaigns (`BJ-2025-10` → 1883).
   * Throws SOURCE_CARD_UNKNOWN when the key has no card.
   */
  cardId(key: string): number;
}
