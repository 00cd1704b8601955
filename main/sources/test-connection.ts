import type { Dispatcher } from 'undici';
import type { Db } from '../db/open.js';
import type { SecretBox } from '../db/secrets.js';
import { createLogger } from '../logging/logger.js';
import { systemClock } from '../shared/clock.js';
import { toHeraldError } from '../shared/errors.js';
import { sourceCardId } from './cards.js';
import { metabaseConnection, type MetabaseSettingsPatch } from './config.js';
import { MetabaseHttpClient, type MetabaseConnection } from './metabase/client.js';
import { memorySessionStore } from './metabase/session.js';

/**
 * The "test connection" button: a fresh login and one card, with their timings — or the error in
 * the words a run would report it. It keeps its session to itself, so testing a form's unsaved
 * values never disturbs the stored session the jobs use.
 */
export type ConnectionTestResult =
  | { ok: true; server: string; cardId: number; rows: number; columns: number; columnNames: string[]; loginMs: number; queryMs: number; totalMs: number }
  | { ok: false; server: string | null; cardId: number; error: { code: string; message: string }; totalMs: number };

export const TEST_CARD_KEY = 'sla-daily-report';

const log = createLogger('sources');

export async function testMetabaseConnection(
  db: Db,
  secrets: SecretBox,
  input: MetabaseSettingsPatch & { cardId?: number },
  options: { dispatcher?: Dispatcher; signal?: AbortSignal } = {},
): Promise<ConnectionTestResult> {
  const started = performance.now();
  const elapsed = (from: number) => Math.round(performance.now() - from);
  let server: string | null = null;
  let cardId = input.cardId ?? 0;
  try {
    cardId = input.cardId ?? sourceCardId(db, TEST_CARD_KEY);
    const overlay: MetabaseSettingsPatch = {
      ...(input.url !== undefined ? { url: input.url } : {}),
      ...(input.username !== undefined ? { username: input.username } : {}),
      ...(input.password !== undefined ? { password: input.password } : {}),
      ...(input.timeoutMs !== undefined ? { timeoutMs: input.timeoutMs } : {}),
    };
    const conn: MetabaseConnection = metabaseConnection(db, secrets, overlay);
    server = conn.url;
    const client = new MetabaseHttpClient({
      connection: () => conn,
      sessions: memorySessionStore(),
      clock: systemClock,
      ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
    });
    const loginStarted = performance.now();
    await client.login(options.signal);
    const loginMs = elapsed(loginStarted);
    const queryStarted = performance.now();
    const result = await client.queryCard(cardId, options.signal ? { signal: options.signal } : {});
    const queryMs = elapsed(queryStarted);
    log.info('Metabase connection test passed', { server, card: cardId, rows: result.rows.length, loginMs, queryMs });
    return {
      ok: true,
      server,
      cardId,
      rows: result.rows.length,
      columns: result.cols.length,
      columnNames: result.cols.slice(0, 50).map((c) => c.name),
      loginMs,
      queryMs,
      totalMs: elapsed(started),
    };
  } catch (err) {
    const error = toHeraldError(err, 'SOURCE_TEST_FAILED');
    log.warn('Metabase connection test failed', { server, card: cardId, code: error.code, reason: error.message });
    return { ok: false, server, cardId, error: { code: error.code, message: error.message }, totalMs: elapsed(started) };
  }
}
