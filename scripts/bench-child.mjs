// One bench suite in its own process (started by scripts/bench.mjs with tsx): runs the suite's
// `run()` and sends its figures to the parent over IPC, keeping stdout free for the suite's logs.
import { pathToFileURL } from 'node:url';

const file = process.argv[2];
let message;
try {
  const suite = await import(pathToFileURL(file).href);
  if (typeof suite.run !== 'function') throw new Error(`${file} does not export run()`);
  message = { ok: true, result: await suite.run() };
} catch (err) {
  message = { ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
}
// Exit once sent: a suite may leave timers or servers behind.
process.send(message, () => process.exit(message.ok ? 0 : 1));
