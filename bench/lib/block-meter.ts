import { performance } from 'node:perf_hooks';

/**
 * The main thread's longest stretch without running a timer of `periodMs`, up to `stop()` (which
 * counts the stretch just ended too): how long the UI and the API would have waited; a read answered
 * synchronously is one block from its call to its answer.
 */
export function blockMeter(periodMs: number): { stop(): number } {
  let last = performance.now();
  let max = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    max = Math.max(max, now - last - periodMs);
    last = now;
  }, periodMs);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(max, performance.now() - last - periodMs);
    },
  };
}
