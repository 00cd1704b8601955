import { shanghaiDateTime } from '../shared/shanghai-time.js';

let last: { second: number; prefix: string } | undefined;

/**
 * `MSG` + the enqueue time in the office's zone (`YYYYMMDDHHmmss`) + the outbox sequence, e.g.
 * `MSG20260203110331000042` (seed 002's `MSG202602031103316031`, with a sequence instead of random
 * digits so ids are unique and sort in enqueue order).
 */
export function messageId(epochMs: number, seq: number): string {
  const second = Math.floor(epochMs / 1000);
  // Formatting a date in a zone is slow next to an insert; a job run enqueues within one second.
  if (last?.second !== second) last = { second, prefix: `MSG${shanghaiDateTime(epochMs).replace(/\D/g, '')}` };
  return `${last.prefix}${String(seq).padStart(6, '0')}`;
}
