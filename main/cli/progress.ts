/**
 * Progress of a long command (large replays, imports) on stderr, so stdout stays the result: a bar
 * redrawn in place on a terminal, plain lines (at most one per tenth of the work) otherwise — logs
 * of scheduled tasks and CI read those. Nothing is shown for work done within a second: a quick
 * command's stderr is its error line or nothing.
 */
export interface Progress {
  update(done: number, total?: number, step?: string): void;
  /** Ends the bar (a terminal gets its line back). */
  finish(message?: string): void;
}

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

const BAR_WIDTH = 24;
const REDRAW_MS = 80;
const QUIET_MS = 1000;

function percent(done: number, total: number | undefined): number | undefined {
  return total && total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : undefined;
}

export function createProgress(label: string, stream: ProgressStream = process.stderr, now: () => number = Date.now): Progress {
  let lastDraw = 0;
  let lastTenth = -1;
  let drawn = false;
  const startedAt = now();
  const early = () => now() - startedAt < QUIET_MS;
  if (stream.isTTY) {
    return {
      update(done, total, step) {
        if (early()) return;
        const t = now();
        if (t - lastDraw < REDRAW_MS && done !== total) return;
        lastDraw = t;
        const p = percent(done, total);
        const filled = p === undefined ? 0 : Math.round((p / 100) * BAR_WIDTH);
        const bar = p === undefined ? '' : ` [${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${String(p).padStart(3)}%`;
        const line = `${label}${bar} ${done}${total !== undefined ? `/${total}` : ''}${step ? ` ${step}` : ''}`;
        stream.write(`\r${line.slice(0, (stream.columns ?? 100) - 1)}\u001b[K`);
        drawn = true;
      },
      finish(message) {
        if (drawn) stream.write('\r\u001b[K');
        if (message) stream.write(`${message}\n`);
      },
    };
  }
  return {
    update(done, total, step) {
      if (early()) return;
      const p = percent(done, total);
      const tenth = p === undefined ? -1 : Math.floor(p / 10);
      if (p !== undefined && tenth === lastTenth) return;
      if (p === undefined && now() - lastDraw < 2000) return;
      lastTenth = tenth;
      lastDraw = now();
      stream.write(`${label}: ${done}${total !== undefined ? `/${total}` : ''}${p !== undefined ? ` (${p}%)` : ''}${step ? ` ${step}` : ''}\n`);
    },
    finish(message) {
      if (message) stream.write(`${message}\n`);
    },
  };
}
