// Runs a slow job in a real Herald and reports when its pipeline has written its rows; the crash
// test SIGKILLs this process then. Usage: node --import tsx crash-child.ts DATA_DIR CLOCK_MS
import { ManualClock } from '../../../main/shared/clock.js';
import { ManualWaker, openTestHerald, waitFor } from '../../helpers/jobs/herald.js';
import { CRASH_VARIANTS, NINE } from './crash-setup.js';

const [dataDir, clockMs] = process.argv.slice(2);
const clock = new ManualClock(Number(clockMs));
const waker = new ManualWaker();
const { herald, jobs } = openTestHerald({ dataDir: dataDir!, clock, waker, only: ['rows'], variants: CRASH_VARIANTS });
await herald.start();
jobs.update('rows', { enabled: true, settings: { rows: 3, messages: 1, holdMs: 120_000 } });
clock.set(NINE);
waker.tick();
const running = await waitFor(() => (jobs.runner.running('rows')?.progress?.done === 3 ? jobs.runner.running('rows') : undefined), 'rows written', 30_000);
process.stdout.write(`RUNNING ${running.runId}\n`);
setInterval(() => undefined, 60_000);
