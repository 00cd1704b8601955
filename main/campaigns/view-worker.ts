import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/open.js';
import { isHeraldError } from '../shared/errors.js';
import { answerView, type ViewRequest } from './view-answers.js';
import type { ViewResult } from './view-in-worker.js';

/** A Campaigns page read of a big activity, on this thread's own read-only connection (`view-in-worker.ts`). */
const { dbFile, request } = workerData as { dbFile: string; request: ViewRequest };

let result: ViewResult;
try {
  const db = openDatabase(dbFile, { readonly: true });
  try {
    result = { ok: true, answer: answerView(db, request) };
  } finally {
    db.close();
  }
} catch (err) {
  result = {
    ok: false,
    error: isHeraldError(err) ? { code: err.code, message: err.message, context: { ...err.context } } : { code: 'CAMPAIGN_VIEW_FAILED', message: err instanceof Error ? err.message : String(err) },
  };
}
parentPort!.postMessage(result);
