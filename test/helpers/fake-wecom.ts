import { afterEach } from 'vitest';
import { FakeWecomServer, type FakeWecomOptions } from '../../main/channels/fakes/wecom-server.js';

const started: FakeWecomServer[] = [];
afterEach(async () => {
  for (const f of started.splice(0)) await f.close();
});

/** A fake WeCom server on 127.0.0.1, closed after the test. */
export async function startFakeWecom(options: FakeWecomOptions = {}): Promise<FakeWecomServer> {
  const fake = await new FakeWecomServer(options).start();
  started.push(fake);
  return fake;
}
