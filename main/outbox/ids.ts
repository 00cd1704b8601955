const officeFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** A time as the office reads it in a trace: `2026-03-03 08:00:00` (Asia/Shanghai). */
export function officeTime(epochMs: number): string {
  return officeFormat.format(new Date(epochMs));
}

let last: { second: number; prefix: string } | undefined;

/**
 * `MSG` + the enqueue time in the office's zone (`YYYYMMDDHHmmss`) + the outbox sequence, e.g.
 * `MSG20260203110331000042` (seed 002's `MSG202602031103316031`, with a sequence instead of random
 * digits so ids are unique and sort in enqueue order).
 */
export function messageId(epochMs: number, seq: number): string {
  const second = Math.floor(epochMs / 1000);
  // Formatting a date in a zone is slow next to an insert; a job run enqueues within one second.
  if (last?.second !== second) last = { second, prefix: `MSG${officeTime(epochMs).replace(/\D/g, '')}` };
  return `${last.prefix}${String(seq).padStart(6, '0')}`;
}
