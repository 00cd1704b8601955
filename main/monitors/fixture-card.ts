import type { CardResult } from '../sources/types.js';
import { HeraldError } from '../shared/errors.js';
import { MONITOR_JOBS } from './definitions.js';
import { parseJsonKeepingFloats } from './transforms/json-floats.js';

/**
 * Card inputs from files (replays, `herald replay-job`, tests): a raw Metabase response
 * `{"data": {"cols", "rows"}}`, a CardResult `{cols, rows}`, a list of row arrays (positional
 * cards), or a list of row objects — turned into columns in the job's card order with other keys
 * appended in order of first appearance, a missing key being null (fixtures/monitors/README.md).
 */
export function cardFromFixture(jobId: string, data: unknown): CardResult {
  const job = MONITOR_JOBS[jobId];
  if (!job) throw new HeraldError('MONITOR_UNKNOWN_JOB', `There is no monitoring job ${jobId}.`, { jobId });
  const fail = (why: string) => new HeraldError('MONITOR_CARD_FILE_INVALID', `The card data for ${jobId} is not usable: ${why}.`, { jobId });
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
    const body = 'data' in data ? (data as { data: unknown }).data : data;
    const { cols, rows } = (body ?? {}) as { cols?: unknown; rows?: unknown };
    if (!Array.isArray(cols) || !Array.isArray(rows)) throw fail('expected {"data": {"cols": [...], "rows": [...]}}');
    return { cols: cols as CardResult['cols'], rows: rows as unknown[][] };
  }
  if (!Array.isArray(data)) throw fail('expected a JSON list of rows or a Metabase response');
  if (data.every(Array.isArray)) {
    const width = Math.max(job.columns.length, ...data.map((r) => (r as unknown[]).length));
    const cols = Array.from({ length: width }, (_, i) => ({ name: job.columns[i] ?? `column_${i}` }));
    return { cols, rows: data as unknown[][] };
  }
  if (!data.every((r) => r !== null && typeof r === 'object' && !Array.isArray(r))) throw fail('rows must all be objects or all be lists');
  const names = [...job.columns];
  for (const row of data as Array<Record<string, unknown>>) for (const key of Object.keys(row)) if (!names.includes(key)) names.push(key);
  return {
    cols: names.map((name) => ({ name })),
    rows: (data as Array<Record<string, unknown>>).map((row) => names.map((name) => (Object.hasOwn(row, name) ? row[name] : null))),
  };
}

/** The same from a file's text (floats written `36.0` stay Python floats). */
export function cardFromFixtureText(jobId: string, text: string): CardResult {
  let data: unknown;
  try {
    data = parseJsonKeepingFloats(text);
  } catch (err) {
    throw new HeraldError('MONITOR_CARD_FILE_INVALID', `The card file for ${jobId} is not valid JSON: ${(err as Error).message}`, { jobId });
  }
  return cardFromFixture(jobId, data);
}
