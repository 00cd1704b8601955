import { z } from 'zod';
import type { PipelineOutput } from '../jobs/types.js';
import type { MessageContent } from '../outbox/types.js';
import type { DiffSide } from './diff/index.js';
import { stableJson } from './diff/values.js';

/**
 * What v1 (or any external command) prints for one run: the shape of
 * `spec/fixtures/scenarios/out/*.json`. Extra keys are allowed and ignored.
 */
export const ExternalOutputSchema = z.looseObject({
  batches: z
    .array(
      z.looseObject({
        records: z.array(z.record(z.string(), z.unknown())),
        messages: z.array(z.looseObject({ recipient: z.string(), message: z.string() })),
      }),
    )
    .min(1, 'at least one batch'),
});
export type ExternalOutput = z.infer<typeof ExternalOutputSchema>;

export interface ExternalReadOptions {
  /** The record field that identifies a record (v1: the contract id). Records without it pair by position. */
  keyField: string;
  /** `last`: the batch of this run (earlier batches are replays); `all`: every batch, in order. */
  batches: 'last' | 'all';
}

export const defaultExternalRead: ExternalReadOptions = { keyField: '合同ID(_id)', batches: 'last' };

/** The comparable side of an external command's output. */
export function externalOutputToSide(output: ExternalOutput, options: ExternalReadOptions = defaultExternalRead): DiffSide {
  const batches = options.batches === 'last' ? output.batches.slice(-1) : output.batches;
  const records = batches.flatMap((b) => b.records);
  const messages = batches.flatMap((b) => b.messages);
  return {
    records: records.map((fields, i) => {
      const key = fields[options.keyField];
      return { key: key === undefined || key === null || key === '' ? `#${i}` : String(key), fields };
    }),
    messages: messages.map((m) => ({ recipient: m.recipient, text: m.message })),
  };
}

export function messageText(content: MessageContent): string {
  switch (content.kind) {
    case 'text':
    case 'markdown':
      return content.text;
    case 'smartsheet':
      return stableJson(content.payload);
    case 'template_card':
      return stableJson(content.card);
  }
}

/** The comparable side of a Herald pipeline's output: messages carry their business identity. */
export function pipelineOutputToSide(output: PipelineOutput): DiffSide {
  return {
    records: output.records.map((r) => ({ key: r.key, fields: r.fields })),
    messages: output.messages.map((m) => ({
      identity: `${m.businessType}\u0000${m.businessId}\u0000${m.recipient}`,
      recipient: m.recipient,
      text: messageText(m.content),
    })),
  };
}
