// Runs one job through the compiled build (out/main, plain Node: no tsx), so the worker thread is
// started from out/main/jobs/worker/pipeline-worker.js. Prints the run as JSON.
// Usage: node run-compiled.mjs DATA_DIR
import { Herald } from '../../../out/main/core/herald.js';
import { jobsFor } from '../../../out/main/jobs/service.js';
import { catalogue } from './catalogue.mjs';

const here = (name) => new URL(name, import.meta.url).href;
const herald = Herald.open({
  dataDir: process.argv[2],
  mode: 'headless',
  logToConsole: false,
  jobs: { catalogue: { jobs: catalogue, module: here('./catalogue.mjs') }, enqueueModule: here('./enqueue.mjs') },
});
herald.db.exec('CREATE TABLE compiled_rows (value INTEGER)');
await herald.start();
const jobs = jobsFor(herald);
const { runId } = jobs.runNow('compiled', { values: [4, 5, 6] });
let run = jobs.getRun(runId);
while (!['succeeded', 'failed'].includes(run.status) || jobs.runner.running('compiled')) {
  await new Promise((r) => setTimeout(r, 20));
  run = jobs.getRun(runId);
}
const rows = herald.db.prepare('SELECT value FROM compiled_rows ORDER BY value').all().map((r) => r.value);
const messages = herald.db.prepare('SELECT COUNT(*) AS n FROM compiled_outbox').get().n;
await herald.close();
process.stdout.write(`${JSON.stringify({ status: run.status, error: run.error, rows, messages, logs: run.logs.map((l) => l.message) })}\n`);
