import { HeraldError } from '../../shared/errors.js';
import type { CardAnswer, CardResult } from '../types.js';
import { isObject, toCardResult } from '../card-result.js';
import { parseJson } from '../json.js';
import { capitalise } from '../source-ref.js';

/**
 * A card query's answer read into a CardResult: JSON (long integers kept), Metabase's "failed
 * inside the database" status, `data.cols`/`data.rows`. Pure, so the client runs it on the main
 * thread for small cards and a job can run it in a worker thread for big ones (`queryCardWith`).
 */
export function readJsonAnswer(body: Buffer, status: number, contentType: string, what: string, context: Record<string, string | number>): unknown {
  const text = body.toString('utf8');
  try {
    return parseJson(text, {});
  } catch {
    const start = text.slice(0, 60).replace(/\s+/g, ' ');
    throw new HeraldError('SOURCE_BAD_RESPONSE', `${capitalise(what)} is not JSON (HTTP ${status}${contentType ? `, ${contentType}` : ''}, begins "${start}").`, { ...context, status });
  }
}

export function parseCardAnswer(answer: CardAnswer): CardResult {
  const context = { card: answer.card, server: answer.server };
  const body = readJsonAnswer(Buffer.from(answer.bytes.buffer, answer.bytes.byteOffset, answer.bytes.byteLength), answer.status, answer.contentType, `the answer of Metabase at ${answer.server} for card ${answer.card}`, context);
  // Metabase reports a query that failed in the database as 202 with status "failed".
  if (isObject(body) && body.status === 'failed') {
    const reason = typeof body.error === 'string' ? body.error.slice(0, 300) : 'no reason given';
    throw new HeraldError('SOURCE_QUERY_FAILED', `Card ${answer.card} failed inside Metabase at ${answer.server}: ${reason}`, context);
  }
  return { ...toCardResult(body, context), source: { card: answer.card, server: answer.server } };
}
