import type { Herald } from '../../core/herald.js';
import type { HandlersOf } from '../dispatcher.js';
import type { outboxMethods } from '../contract/outbox.js';
import { HeraldError } from '../../shared/errors.js';
import { createLogger } from '../../logging/logger.js';
import { applyAction, applyOne, type ActionName } from '../../outbox/actions.js';
import { interruptedCount, isSendingEnabled, setSendingEnabled } from '../../outbox/control.js';
import { exhaustedChannels, getMessageRowById, metadataOf, MESSAGE_STATUSES, type MessageRow, type MessageStatus } from '../../outbox/message-row.js';
import { listMessages, matchingIds, todayFigures, traceOf, type TraceRow } from '../../outbox/queries.js';

const log = createLogger('outbox');
const iso = (ms: number | null) => (ms === null || ms === 0 ? null : new Date(ms).toISOString());

export function messageSummary(r: MessageRow) {
  return {
    id: r.id,
    businessType: r.business_type,
    businessId: r.business_id,
    recipient: r.recipient,
    jobId: r.job_id,
    runId: r.run_id,
    channel: r.channel,
    status: r.status,
    contentKind: r.content_kind,
    preview: r.content.slice(0, 200),
    attempts: r.total_attempts,
    partsSent: r.parts_sent,
    partsTotal: r.parts_total,
    nextAttemptAt: r.status === 'pending' || r.status === 'failed' ? iso(r.next_attempt_at) : null,
    waitReason: r.wait_reason,
    lastError: r.last_error,
    lastErrorCode: r.last_error_code,
    possibleDuplicate: r.possible_duplicate === 1,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
    sentAt: iso(r.sent_at),
  };
}

export const traceEntry = (e: TraceRow) => ({
  at: new Date(e.at).toISOString(),
  kind: e.kind as never,
  status: e.status,
  channel: e.channel,
  attempt: e.attempt,
  part: e.part,
  code: e.code,
  responseStatus: e.response_status,
  responseBody: e.response_body,
  detail: e.detail,
});

export function outboxHandlers(herald: Herald): HandlersOf<typeof outboxMethods> {
  const row = (id: string): MessageRow => {
    const r = getMessageRowById(herald.db, id);
    if (!r) throw new HeraldError('MESSAGE_NOT_FOUND', `There is no message ${id} (it may have been pruned).`, { message: id });
    return r;
  };
  const act = (action: ActionName) => ({ id, note }: { id: string; note?: string | undefined }) => {
    applyOne(herald.db, action, id, herald.clock.now(), log, note);
    log.info('Message action by a person', { message: id, action });
    herald.events.invalidate('outbox', id);
    return { id, status: row(id).status };
  };
  return {
    'outbox.list': ({ filter, page, pageSize }) => {
      const { rows, total, counts } = listMessages(herald.db, filter, page, pageSize);
      return { items: rows.map(messageSummary), total, counts };
    },
    'outbox.get': ({ id }) => {
      const r = row(id);
      return {
        message: { ...messageSummary(r), content: r.content, metadata: metadataOf(r) ?? null, exhaustedChannels: exhaustedChannels(r) },
        trace: traceOf(herald.db, r.seq).map(traceEntry),
      };
    },
    'outbox.stats': () => {
      const statusCounts = Object.fromEntries(MESSAGE_STATUSES.map((s) => [s, 0])) as Record<MessageStatus, number>;
      for (const c of herald.db.prepare('SELECT status, COUNT(*) AS n FROM messages GROUP BY status').all() as Array<{ status: MessageStatus; n: number }>) statusCounts[c.status] = c.n;
      return { ...todayFigures(herald.db, herald.clock.now()), statusCounts, sendingEnabled: isSendingEnabled(herald.db), interrupted: interruptedCount(herald.db) };
    },
    'outbox.retry': act('retry'),
    'outbox.cancel': act('cancel'),
    'outbox.markSent': act('markSent'),
    'outbox.sendAgain': act('sendAgain'),
    'outbox.bulkRetry': ({ ids, filter }) => {
      const targets = ids ?? matchingIds(herald.db, filter ?? {});
      const result = applyAction(herald.db, 'retry', targets, herald.clock.now(), log);
      log.info('Bulk retry by a person', { changed: result.changed.length, skipped: result.skipped.length, by: ids ? 'selection' : 'filter' });
      herald.events.invalidate('outbox');
      return { changed: result.changed.length, skipped: result.skipped.length };
    },
    'outbox.setSendingEnabled': ({ enabled }) => {
      setSendingEnabled(herald.db, enabled);
      log.warn(enabled ? 'Sending switched back on' : 'All sending stopped by a person; messages wait');
      herald.events.invalidate('outbox');
      herald.events.invalidate('status');
      return { enabled: isSendingEnabled(herald.db) };
    },
  };
}
