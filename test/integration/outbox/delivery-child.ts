// The delivery process of the exactly-once test: headless Herald (its outbox worker included) on
// the data folder given as argument; prints its URL once it runs, and is SIGKILLed by the test.
import { startHeadless } from '../../../main/api/http/headless.js';

const running = await startHeadless({ dataDir: process.argv[2]!, token: 'crash-test-token' });
process.stdout.write(`${JSON.stringify({ url: running.server.url })}\n`);
