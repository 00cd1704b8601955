import type { StateScope } from '../jobs/types.js';
import { z } from 'zod';
import type { Db } from '../db/open.js';
import type { PipelineContext, PipelineOutput, PipelineRecord, PipelineSpec } from '../jobs/types.js';
import type { DeliveryPolicy, OutboundMessage } from '../outbox/types.js';
import type { CardResult } from '../sources/types.js';
import { HeraldError } from '../shared/errors.js';
import type { MessageDraft, RowIssue } from './transforms/drafts.js';
import { isNotified, markNotified } from './store/notified.js';

/**
 * What every monitor pipeline shares: the card input schema, the two pipelines (Herald's and
 * v1's exact behaviour on bad data), emitting drafts once per business key, and warnings that
 * name the card, row and column.
 *
 * - `herald` (default): a bad row is skipped with a warning, a card without a needed column is an
 *   error before anything is written; the run is one transaction.
 * - `v1-exact`: where v1 raised, the run stops there and keeps what v1 had already done
 *   (stored snapshots, queued messages) — the shadow control for the takeover and what replays use.
 */
export type RowPolicy = 'warn-skip' | 'v1-abort';

/** Where v1's run stopped: its error, and whether the messages before it had been posted. */
export interface V1Abort {
  error: string;
  posted: boolean;
}

export interface MonitorRun {
  output: PipelineOutput;
  abort?: V1Abort;
}

export interface MonitorInvocation {
  store: Db;
  card: CardResult;
  ctx: PipelineContext;
  policy: RowPolicy;
  /** The card the rows came from (recorded by the Metabase client, else the job's default), for errors and warnings. */
  cardId: number;
}

export type MonitorBody = (invocation: MonitorInvocation) => MonitorRun;
/** A job's body as callers use it: the card id is taken from the input. */
export type MonitorRunner = (invocation: Omit<MonitorInvocation, 'cardId'>) => MonitorRun;

export const cardResultSchema: z.ZodType<CardResult> = z.object({
  cols: z.array(z.looseObject({ name: z.string(), display_name: z.string().nullish().transform((v) => v ?? undefined) })),
  rows: z.array(z.array(z.unknown())),
  source: z.object({ card: z.number().int(), server: z.string().optional() }).optional(),
});

export const PIPELINE_IDS = { herald: 'herald', v1: 'v1-exact' } as const;

export interface MonitorPipelineSpec extends PipelineSpec<CardResult> {
  stateScope: readonly StateScope[];
}

/**
 * The job's body with its card id and delivery terms filled in: every message carries the job's
 * delivery policy (pacing, success rule) unless the body set its own.
 */
export function monitorRunner(body: MonitorBody, defaultCard: number, delivery: (settings: Record<string, unknown>) => DeliveryPolicy): MonitorRunner {
  return (inv) => {
    const result = body({ ...inv, cardId: inv.card.source?.card ?? defaultCard });
    const policy = delivery(inv.ctx.settings);
    const messages = result.output.messages.map((m) => (m.delivery ? m : { ...m, delivery: policy }));
    return { ...result, output: { ...result.output, messages } };
  };
}

export function monitorPipelines(run: MonitorRunner, description: string, stateScope: readonly StateScope[]): Record<string, MonitorPipelineSpec> {
  return {
    [PIPELINE_IDS.herald]: {
      id: PIPELINE_IDS.herald,
      description,
      stateScope,
      run: (store, card, ctx) => run({ store, card, ctx, policy: 'warn-skip' }).output,
    },
    [PIPELINE_IDS.v1]: {
      id: PIPELINE_IDS.v1,
      description: `${description} Stops where v1 stopped on bad data and keeps what v1 had done.`,
      stateScope,
      run: (store, card, ctx) => {
        const result = run({ store, card, ctx, policy: 'v1-abort' });
        if (result.abort) ctx.warn(`v1 stopped this run here: ${result.abort.error}`, { jobId: ctx.jobId, runId: ctx.runId });
        return result.output;
      },
    },
  };
}

/** Hands drafts to the outbox once per (job, business type, business id). */
export class Emitter {
  readonly messages: OutboundMessage[] = [];
  private readonly scheduledAt: string;

  constructor(
    private readonly store: Db,
    private readonly ctx: PipelineContext,
  ) {
    this.scheduledAt = ctx.scheduledAt.toISOString();
  }

  alreadySent(draft: Pick<MessageDraft, 'businessType' | 'businessId'>): boolean {
    return isNotified(this.store, this.ctx.jobId, draft.businessType, draft.businessId);
  }

  /** Queues the draft unless its key was handed over before; true when queued. */
  emit(draft: MessageDraft, options: { stateKey?: string; deliver?: boolean } = {}): boolean {
    const fresh = markNotified(this.store, {
      jobId: this.ctx.jobId,
      businessType: draft.businessType,
      businessId: draft.businessId,
      recipient: draft.recipient,
      stateKey: options.stateKey ?? null,
      runId: this.ctx.runId,
      scheduledAt: this.scheduledAt,
    });
    if (fresh && options.deliver !== false) this.push(draft);
    return fresh;
  }

  /** Queues a second message under a key already recorded (e.g. the same change to two recipients). */
  push(draft: MessageDraft): void {
    this.messages.push({
      businessType: draft.businessType,
      businessId: draft.businessId,
      recipient: draft.recipient,
      content: draft.content,
      jobId: this.ctx.jobId,
      runId: this.ctx.runId,
      ...(draft.metadata ? { metadata: draft.metadata } : {}),
    });
  }
}

export function output(
  emitter: Emitter,
  counts: Record<string, number>,
  summary: { key: string; params: Record<string, string | number> },
  records: PipelineRecord[] = [],
): PipelineOutput {
  return { records, messages: emitter.messages, counts, summary: { key: `monitors:summary.${summary.key}`, params: summary.params } };
}

/** One warning per kind of problem, naming the card and the (1-based) rows and columns. */
export function warnRows(ctx: PipelineContext, cardId: number, what: string, issues: readonly RowIssue[]): void {
  if (issues.length === 0) return;
  const first = issues.slice(0, 20).map((i) => `row ${i.row + 1}${i.column ? ` (${i.column})` : ''}: ${i.message}`);
  ctx.warn(`Card ${cardId}: ${issues.length} row(s) ${what} — ${first.join('; ')}${issues.length > first.length ? ' …' : ''}`, {
    jobId: ctx.jobId,
    card: cardId,
    rows: issues.slice(0, 20).map((i) => ({ row: i.row + 1, column: i.column ?? null, message: i.message })),
  });
}

/** A card without a column the job reads by name is an error before anything is written. */
export function requireColumns(card: CardResult, cardId: number, jobId: string, groups: ReadonlyArray<readonly string[]>): void {
  if (card.cols.length === 0) return;
  const present = new Set(card.cols.flatMap((c) => [c.name, c.display_name].filter((n): n is string => Boolean(n)).map((n) => n.toLowerCase())));
  const missing = groups.filter((alternatives) => !alternatives.some((n) => present.has(n.toLowerCase()))).map((g) => g.join(' or '));
  if (missing.length > 0) {
    throw new HeraldError(
      'MONITOR_CARD_COLUMNS_MISSING',
      `Card ${cardId} has no column ${missing.join(', ')} — was it renamed or removed in Metabase? Nothing was stored or sent.`,
      { jobId, card: cardId, columns: missing.join(', ') },
    );
  }
}

/** A positional card must have enough columns. */
export function requireWidth(card: CardResult, cardId: number, jobId: string, width: number): void {
  if (card.cols.length > 0 && card.cols.length < width) {
    throw new HeraldError('MONITOR_CARD_COLUMNS_MISSING', `Card ${cardId} returns ${card.cols.length} columns; this job reads ${width} by position. Nothing was stored or sent.`, {
      jobId,
      card: cardId,
      columns: card.cols.length,
    });
  }
}

export function warnIfEmpty(ctx: PipelineContext, card: CardResult, cardId: number): void {
  if (card.rows.length === 0) ctx.warn(`Card ${cardId} returned no rows.`, { jobId: ctx.jobId, card: cardId });
}
