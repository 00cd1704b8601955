import { parentPort } from 'node:worker_threads';
import { compareSides, type CompareRequest } from './compare.js';

/** One shadow comparison off the main thread (see compare.ts). */
const port = parentPort!;
port.once('message', (request: CompareRequest) => {
  try {
    port.postMessage({ ok: true, comparison: compareSides(request) });
  } catch (err) {
    port.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) });
  }
});
