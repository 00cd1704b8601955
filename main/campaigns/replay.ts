import { migrate } from '../db/migrate.js';
import { inTransaction, openDatabase } from '../db/open.js';
import type { PipelineContext } from '../jobs/types.js';
import { createLogger } from '../logging/logger.js';
import type { PipelineId } from './configs/schema.js';
import type { ContractRow } from './input/contract-row.js';
import { campaignFor, createPipeline } from './pipelines/index.js';
import { ANNOUNCEMENT, utcDateTime } from './pipelines/common.js';
import { markAnnounced, parseBusinessId } from './store/announced.js';
import type { QuirkFix } from './pipelines/fixes.js';
import { floatRepr } from './rules/py.js';
import type { LedgerExport } from './export.js';
import { ledgerExport } from './export.js';
import type { Scalar } from './rules/py.js';

/**
 * Replays a campaign over successive batches (each the cumulative list, as the card returns it) in
 * a throw-away in-memory store, sending nothing: what `herald replay` and the exactness tests run.
 * Each batch's announcements count as delivered before the next batch, as v1 sent them.
 */

export interface ReplayOptions {
  variant: string;
  /** `v1-ledger` or `v1-db` where a month has both (September); the variant's own otherwise. */
  pipeline?: PipelineId;
  batches: readonly (readonly ContractRow[])[];
  /** `YYYY-MM` of monthly activity codes (the broadcasts); default: the current Asia/Shanghai month. */
  month?: string;
  fixes?: readonly QuirkFix[];
  /** The runs' logical time (`登记时间`, badge lists); default now. */
  scheduledAt?: Date;
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
  /** Per record, the fields that are Python floats (for `replayJson`). */
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

export function replayCampaign(options: ReplayOptions): ReplayResult {
  const campaign = campaignFor(options.variant, options.pipeline);
  const pipeline = createPipeline(options.variant, options.pipeline, { fixes: options.fixes ?? [] });
  const db = openDatabase(':memory:');
  const log = createLogger('campaigns.replay');
  try {
    migrate(db);
    const batches = options.batches.map((rows, i): ReplayBatch => {
      const warnings: string[] = [];
      const ctx: PipelineContext = {
        jobId: `replay:${options.variant}`,
        runId: i + 1,
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
    });
    const result: ReplayResult = { campaign: options.variant, pipeline: campaign.variant.pipeline, batches };
    if (options.exportLedger) result.ledger = ledgerExport(db, options.variant, { pipeline: options.pipeline, month: options.month });
    return result;
  } finally {
    db.close();
  }
}

function scalarJson(value: Scalar, isFloat: boolean): string {
  return typeof value === 'number' && isFloat ? floatRepr(value) : JSON.stringify(value);
}

/**
 * The replay as `herald replay --json` prints it — `{campaign, pipeline, batches: [{records,
 * messages}]}` — with Python floats written as v1 wrote them (`5000.0`).
 */
export function replayJson(result: ReplayResult): string {
  const batches = result.batches.map((b) => {
    const records = b.records.map((r, i) => {
      const floats = new Set(b.recordFloatFields[i]);
      const fields = Object.entries(r).map(([k, v]) => `        ${JSON.stringify(k)}: ${scalarJson(v, floats.has(k))}`);
      return `        {\n${fields.map((f) => `  ${f}`).join(',\n')}\n        }`;
    });
    const messages = b.messages.map((m) => `        ${JSON.stringify({ recipient: m.recipient, message: m.message })}`);
    return `    {\n      "records": [${records.length ? `\n${records.join(',\n')}\n      ` : ''}],\n      "messages": [${messages.length ? `\n${messages.join(',\n')}\n      ` : ''}]\n    }`;
  });
  return `{\n  "campaign": ${JSON.stringify(result.campaign)},\n  "pipeline": ${JSON.stringify(result.pipeline)},\n  "batches": [${batches.length ? `\n${batches.join(',\n')}\n  ` : ''}]\n}\n`;
}
