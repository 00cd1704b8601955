import type { Db } from '../db/open.js';
import { HeraldError, type ErrorContext } from '../shared/errors.js';
import { spawnWorker } from '../jobs/worker/spawn.js';
import { answerView, viewCampaign, viewSize, type ViewAnswer, type ViewRequest } from './view-answers.js';

export type ViewResult = { ok: true; answer: unknown } | { ok: false; error: { code: string; message: string; context?: ErrorContext } };

/**
 * Up to this many contracts a view is computed on the main thread (a few milliseconds); a bigger
 * activity is computed in a worker thread (a real month's 1,000 contracts take tens of
 * milliseconds to read and sum, 100,000 take seconds), so the API, the UI and the scheduler keep
 * going meanwhile.
 */
export const MAIN_THREAD_CONTRACTS = 250;

/** What `campaigns.ledger` / `campaigns.overview` answer, computed where it does not hold the main thread. */
export async function campaignView<R extends ViewRequest>(db: Db, dbFile: string, request: R, mainThreadContracts = MAIN_THREAD_CONTRACTS): Promise<ViewAnswer<R>> {
  const { campaign, activityCode } = viewCampaign(db, request.variant, request.month, request.now);
  if (viewSize(db, campaign, activityCode) <= mainThreadContracts) return answerView(db, request);
  const worker = spawnWorker(import.meta.url, './view-worker', { dbFile, request });
  return new Promise<ViewAnswer<R>>((resolve, reject) => {
    const failed = (why: string, cause?: unknown) => reject(new HeraldError('CAMPAIGN_VIEW_FAILED', `Reading the campaign ${request.variant} failed: ${why}`, { variant: request.variant }, { cause }));
    worker.once('message', (result: ViewResult) => {
      void worker.terminate();
      if (result.ok) resolve(result.answer as ViewAnswer<R>);
      else reject(new HeraldError(result.error.code, result.error.message, result.error.context ?? {}));
    });
    worker.once('error', (err) => failed(err.message, err));
    // After a message or an error the promise is settled and this changes nothing.
    worker.once('exit', (code) => failed(`the worker stopped (exit code ${code})`));
  });
}
