import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PipelineContext } from '../jobs/types.js';
import type { Logger } from '../logging/logger.js';
import type { MessageContent, OutboundMessage } from '../outbox/types.js';
import type { CardResult } from '../sources/types.js';
import { migrate } from '../db/migrate.js';
import { inTransaction, openDatabase } from '../db/open.js';
import { HeraldError, toHeraldError } from '../shared/errors.js';
import { MONITOR_JOBS } from './definitions.js';
import type { RowPolicy } from './pipeline.js';
import { RECIPIENTS } from './transforms/recipients.js';

/**
 * Replays a monitoring job over successive card snapshots in one throw-away store (a temp SQLite
 * file with all migrations, kept from run to run), sending nothing, and reports per run what v1
 * would have posted during that run. v1's outbox is modelled as it behaved: each run enqueues its
 * messages under their business identity, then — unless the run stopped before its dispatch —
 * posts every message not yet posted, oldest first, at most its batch (200) per run. So messages
 * queued by a run that stopped are posted by the next run that reaches its dispatch.
 */
export interface ReplayRunInput {
  /** The run's scheduled time, ISO 8601 with an offset. */
  at: string;
  card: CardResult;
}

export interface ReplayMessage {
  /** Herald's logical recipient (`v1RecipientName` gives v1's configuration name). */
  recipient: string;
  /** The exact text, or the smartsheet `{schema, add_records}` payload, or the template card. */
  message: unknown;
  /** The message's business identity (informative, like the fixtures' `dedupe_key`). */
  businessType: string;
  businessId: string;
}

export interface ReplayRun {
  at: string;
  messages: ReplayMessage[];
  /** Present when the run stopped on an error (as v1's did); messages posted before it are listed. */
  error?: string;
  warnings?: string[];
}

export interface ReplayResult {
  job: string;
  runs: ReplayRun[];
}

export interface ReplayOptions {
  /** `v1-exact` (default: what v1 did on bad data) or `herald`. */
  pipeline?: 'v1-exact' | 'herald';
}

const silent: Logger = { error() {}, warn() {}, info() {}, debug() {}, child: () => silent };

function contentOf(content: MessageContent): unknown {
  switch (content.kind) {
    case 'text':
    case 'markdown':
      return content.text;
    case 'smartsheet':
      return content.payload;
    case 'template_card':
      return content.card;
  }
}

function scheduledTime(at: string): Date {
  const date = new Date(at);
  if (!/T\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(at) || Number.isNaN(date.getTime())) {
    throw new HeraldError('MONITOR_REPLAY_TIME_INVALID', `The run time ${at} is not ISO 8601 with an offset (e.g. 2026-09-14T09:00:00+08:00).`, { at });
  }
  return date;
}

export function replayJob(jobId: string, runs: readonly ReplayRunInput[], settingsOverrides: Record<string, unknown> = {}, options: ReplayOptions = {}): ReplayResult {
  const job = MONITOR_JOBS[jobId];
  if (!job) throw new HeraldError('MONITOR_UNKNOWN_JOB', `There is no monitoring job ${jobId}.`, { jobId });
  const parsed = job.settingsSchema.safeParse(settingsOverrides);
  if (!parsed.success) {
    throw new HeraldError('MONITOR_SETTINGS_INVALID', `The settings for ${jobId} are not valid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, { jobId });
  }
  const policy: RowPolicy = options.pipeline === 'herald' ? 'warn-skip' : 'v1-abort';
  const times = runs.map((r) => scheduledTime(r.at));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-replay-'));
  const store = openDatabase(path.join(dir, 'replay.sqlite'));
  try {
    migrate(store);
    const queued: OutboundMessage[] = [];
    const identities = new Set<string>();
    const result: ReplayResult = { job: jobId, runs: [] };
    runs.forEach((input, index) => {
      const warnings: string[] = [];
      const ctx: PipelineContext = {
        jobId,
        runId: index + 1,
        scheduledAt: times[index] as Date,
        settings: parsed.data,
        log: silent,
        progress() {},
        warn: (message) => warnings.push(message),
      };
      const run: ReplayRun = { at: input.at, messages: [] };
      let dispatch = true;
      try {
        const outcome = inTransaction(store, () => job.run({ store, card: input.card, ctx, policy }));
        for (const message of outcome.output.messages) {
          const identity = JSON.stringify([message.businessType, message.businessId, message.recipient]);
          if (identities.has(identity)) continue;
          identities.add(identity);
          queued.push(message);
        }
        if (outcome.abort) {
          run.error = outcome.abort.error;
          dispatch = outcome.abort.posted;
        }
      } catch (err) {
        run.error = toHeraldError(err).message;
        dispatch = false;
      }
      if (dispatch) {
        for (const message of queued.splice(0, job.v1.batchLimit)) run.messages.push({ recipient: message.recipient, message: contentOf(message.content), businessType: message.businessType, businessId: message.businessId });
      }
      if (warnings.length > 0) run.warnings = warnings;
      result.runs.push(run);
    });
    return result;
  } finally {
    store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Python `int(text)`: optional sign, digits (single underscores between), surrounding spaces. */
function pyInt(text: string): number | undefined {
  const t = text.trim();
  return /^[+-]?\d+(?:_\d+)*$/.test(t) ? Number(t.replaceAll('_', '')) : undefined;
}

/**
 * A fixture's v1 environment (`["K=V", …]`) as settings overrides. Names Herald does not model
 * are refused rather than silently ignored.
 */
export function settingsFromV1Env(jobId: string, env: readonly string[]): Record<string, unknown> {
  const overrides: Record<string, unknown> = {};
  for (const entry of env) {
    const at = entry.indexOf('=');
    const name = at < 0 ? entry : entry.slice(0, at);
    const value = at < 0 ? '' : entry.slice(at + 1);
    if (name === 'HOUSEKEEPER_OFFLINE_LOOKBACK_MINUTES' && jobId === 'housekeeper-offline-broadcast') {
      const minutes = pyInt(value);
      if (minutes === undefined) throw new HeraldError('MONITOR_REPLAY_ENV', `${name}=${value} is not an integer (v1 failed every run).`, { jobId, name });
      overrides.lookbackMinutes = Math.max(1, minutes);
    } else if (name === 'WECOM_WEBHOOK_PENDING_ORDERS_FORCE_URL' && jobId === 'pending-orders-reminder') {
      if (value) overrides.forceRecipient = RECIPIENTS.pendingOrdersForce;
    } else {
      throw new HeraldError('MONITOR_REPLAY_ENV', `The v1 setting ${name} is not modelled for ${jobId}.`, { jobId, name });
    }
  }
  return overrides;
}
