import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate } from '../db/migrate.js';
import { inTransaction, openDatabase, type Db } from '../db/open.js';
import type { PipelineContext } from '../jobs/types.js';
import { createLogger } from '../logging/logger.js';
import type { PipelineId } from './configs/schema.js';
import type { ContractRow } from './input/contract-row.js';
import { campaignFor, createPipeline } from './pipelines/index.js';
import { ANNOUNCEMENT, utcDateTime } from './pipelines/common.js';
import { markAnnounced, parseBusinessId } from './store/announced.js';
import type { QuirkFix } from './pipelines/fixes.js';
import type { LedgerExport } from './export.js';
import { ledgerExport } from './export.js';
import type { Scalar } from './rules/py.js';

/**
 * Replays a campaign over successive batches (each the cumulative list, as the card returns it) in
 * a throw-away store, sending nothing: what `herald replay` and the exactness tests run. Each
 * batch's announcements count as delivered before the next batch, as v1 sent them.
 *
 * The store is a temporary SQLite file rather than `:memory:`: at 100,000 contracts its pages
 * (~140 MB) then stay in the OS cache instead of the process's resident memory.
 */

export interface ReplaySessionOptions {
  variant: string;
  /** `v1-ledger` or `v1-db` where a month has both (September); the variant's own otherwise. */
  pipeline?: PipelineId;
  /** `YYYY-MM` of monthly activity codes (the broadcasts); default: the current Asia/Shanghai month. */
  month?: string;
  fixes?: readonly QuirkFix[];
  /** The runs' logical time (`登记时间`, badge lists); default now. */
  scheduledAt?: Date;
}

export interface ReplayOptions extends ReplaySessionOptions {
  batches: readonly (readonly ContractRow[])[];
  /** Also return the stored state in v1's columns (what `--csv` prints). */
  exportLedger?: boolean;
}

export interface ReplayMessage {
  recipient: string;
  message: string;
}

export interface ReplayBatch {
  records: Array<Record<string, Scalar>>;
  messages: ReplayMessage[];
  /** Per record, the fields that are Python floats (for `replay-json.ts`). */
  recordFloatFields: string[][];
  warnings: string[];
}

export interface ReplayResult {
  campaign: string;
  pipeline: PipelineId;
  batches: ReplayBatch[];
  /** With `exportLedger`: the stored state after the last batch, in v1's columns. */
  ledger?: LedgerExport;
}

/** One replay, batch by batch, so a caller can write each batch out and let it go (`herald replay`). */
export interface ReplaySession {
  readonly campaign: string;
  readonly pipeline: PipelineId;
  /** The next run, over the cumulative list `rows`. */
  run(rows: readonly ContractRow[]): ReplayBatch;
  /** The stored state so far, in v1's columns. */
  ledger(): LedgerExport;
  /** Deletes the throw-away store. */
  close(): void;
}

export function openReplay(options: ReplaySessionOptions): ReplaySession {
  const campaign = campaignFor(options.variant, options.pipeline);
  const pipeline = createPipeline(options.variant, options.pipeline, { fixes: options.fixes ?? [] });
  const log = createLogger('campaigns.replay');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-replay-'));
  let db: Db;
  try {
    db = openDatabase(path.join(dir, 'replay.sqlite'));
    migrate(db);
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  let runId = 0;
  return {
    campaign: options.variant,
    pipeline: campaign.variant.pipeline,
    run(rows) {
      runId += 1;
      const warnings: string[] = [];
      const ctx: PipelineContext = {
        jobId: `replay:${options.variant}`,
        runId,
        scheduledAt: options.scheduledAt ?? new Date(),
        settings: options.month ? { month: options.month } : {},
        log,
        progress: () => undefined,
        warn: (message) => warnings.push(message),
      };
      const output = inTransaction(db, () => {
        const out = pipeline.run(db, [...rows], ctx);
        // v1 dispatched each run's messages before the next run; every announcement arrives.
        for (const m of out.messages) {
          const id = m.businessType === ANNOUNCEMENT ? parseBusinessId(m.businessId) : undefined;
          if (id) markAnnounced(db, id.activityCode, id.contractId, utcDateTime(ctx.scheduledAt));
        }
        return out;
      });
      return {
        records: output.records.map((r) => r.fields as Record<string, Scalar>),
        recordFloatFields: output.records.map((r) => r.floatFields ?? []),
        messages: output.messages.map((m) => ({ recipient: m.recipient, message: m.content.kind === 'text' ? m.content.text : '' })),
        warnings,
      };
    },
    ledger: () => ledgerExport(db, options.variant, { pipeline: options.pipeline, month: options.month }),
    close() {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function replayCampaign(options: ReplayOptions): ReplayResult {
  const session = openReplay(options);
  try {
    const result: ReplayResult = { campaign: session.campaign, pipeline: session.pipeline, batches: options.batches.map((rows) => session.run(rows)) };
    if (options.exportLedger) result.ledger = session.ledger();
    return result;
  } finally {
    session.close();
  }
}
