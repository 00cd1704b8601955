import v8 from 'node:v8';
import type { PipelineOutput } from '../types.js';

/**
 * A pipeline's output as one buffer (v8's serializer: what structured clone keeps), so a worker
 * can hand 100,000 records to another thread without the main thread rebuilding them: the buffer
 * is transferred, not copied, and only its final reader deserializes it.
 */
export interface PackedOutput {
  bytes: ArrayBuffer;
  records: number;
  messages: number;
}

export function packOutput(output: PipelineOutput): PackedOutput {
  const bytes = v8.serialize(output);
  return { bytes: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, records: output.records.length, messages: output.messages.length };
}

export function unpackOutput(bytes: ArrayBuffer): PipelineOutput {
  return v8.deserialize(new Uint8Array(bytes)) as PipelineOutput;
}
