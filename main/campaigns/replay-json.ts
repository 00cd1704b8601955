import type { PipelineId } from './configs/schema.js';
import type { ReplayBatch } from './replay.js';
import { floatRepr, type Scalar } from './rules/py.js';

/**
 * The replay as `herald replay --json` prints it — `{campaign, pipeline, batches: [{records,
 * messages}]}` — with Python floats written as v1 wrote them (`5000.0`). In pieces (head, one batch
 * record by record, tail), so 100,000 records are written out without one 200 MB string.
 */

function scalarJson(value: Scalar, isFloat: boolean): string {
  return typeof value === 'number' && isFloat ? floatRepr(value) : JSON.stringify(value);
}

export function replayJsonHead(campaign: string, pipeline: PipelineId): string {
  return `{\n  "campaign": ${JSON.stringify(campaign)},\n  "pipeline": ${JSON.stringify(pipeline)},\n  "batches": [`;
}

/** Batch `index` (from 0) of the `batches` list, in pieces. */
export function* replayBatchJson(batch: ReplayBatch, index: number): Generator<string> {
  yield `${index === 0 ? '\n' : ',\n'}    {\n      "records": [`;
  for (let i = 0; i < batch.records.length; i += 1) {
    const floats = new Set(batch.recordFloatFields[i]);
    const fields = Object.entries(batch.records[i]!).map(([k, v]) => `          ${JSON.stringify(k)}: ${scalarJson(v, floats.has(k))}`);
    yield `${i === 0 ? '\n' : ',\n'}        {\n${fields.join(',\n')}\n        }`;
  }
  yield `${batch.records.length ? '\n      ' : ''}],\n      "messages": [`;
  for (let i = 0; i < batch.messages.length; i += 1) {
    const m = batch.messages[i]!;
    yield `${i === 0 ? '\n' : ',\n'}        ${JSON.stringify({ recipient: m.recipient, message: m.message })}`;
  }
  yield `${batch.messages.length ? '\n      ' : ''}]\n    }`;
}

export function replayJsonTail(batchCount: number): string {
  return `${batchCount ? '\n  ' : ''}]\n}\n`;
}
