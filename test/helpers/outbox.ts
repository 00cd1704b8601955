import { afterEach } from 'vitest';
import { Herald } from '../../main/core/herald.js';
import { ManualClock } from '../../main/shared/clock.js';
import { createLogger } from '../../main/logging/logger.js';
import { createSenders, type SenderDeps } from '../../main/channels/registry.js';
import { updateChannelConfig, type ChannelConfigPatch } from '../../main/channels/config-store.js';
import { saveRecipient, type RecipientInput } from '../../main/outbox/recipients.js';
import { DeliveryWorker, type DeliveryWorkerOptions } from '../../main/outbox/worker.js';
import { FakeWecomServer, type FakeWecomOptions } from '../../main/channels/fakes/wecom-server.js';
import type { ChannelType } from '../../main/api/contract/channel-model.js';
import type { MessageRow } from '../../main/outbox/message-row.js';
import { tempDir } from './tmp.js';

/** 2026-03-02 10:00 Asia/Shanghai: inside the usual 08:00–23:30 window. */
export const T0 = Date.parse('2026-03-02T10:00:00+08:00');

const opened: Herald[] = [];
const servers: FakeWecomServer[] = [];

afterEach(async () => {
  for (const h of opened.splice(0)) await h.close();
  for (const s of servers.splice(0)) await s.close();
});

export interface OutboxWorld {
  herald: Herald;
  clock: ManualClock;
  fake: FakeWecomServer;
  worker: DeliveryWorker;
  configure(type: ChannelType, patch: ChannelConfigPatch): void;
  recipient(input: RecipientInput): void;
  row(id: string): MessageRow;
  trace(id: string): Array<{ kind: string; status: string | null; channel: string | null; code: string | null; detail: string | null; response_body: string | null }>;
  newWorker(extra?: Partial<DeliveryWorkerOptions>): DeliveryWorker;
}

/**
 * A Herald data folder on a manual clock with a fake WeCom server, the robot channel pointed at it,
 * and a delivery worker driven by hand (`worker.runOnce()`).
 */
export async function outboxWorld(options: { fake?: FakeWecomOptions; senders?: Partial<SenderDeps>; worker?: Partial<DeliveryWorkerOptions> } = {}): Promise<OutboxWorld> {
  const clock = new ManualClock(T0);
  const herald = Herald.open({ dataDir: tempDir(), mode: 'cli', clock, logToConsole: false });
  opened.push(herald);
  const fake = await new FakeWecomServer({ clock, ...options.fake }).start();
  servers.push(fake);
  const configure = (type: ChannelType, patch: ChannelConfigPatch) => updateChannelConfig(herald.db, herald.secrets, type, patch, clock.now());
  configure('GROUP_BOT', { settings: { baseUrl: fake.robotUrl, timeoutMs: 5000 } });
  const newWorker = (extra: Partial<DeliveryWorkerOptions> = {}) =>
    new DeliveryWorker({
      db: herald.db,
      clock,
      secrets: herald.secrets,
      senders: createSenders({ clock, power: herald.power, ...options.senders }),
      log: createLogger('outbox-test'),
      random: () => 0.5,
      ...options.worker,
      ...extra,
    });
  return {
    herald,
    clock,
    fake,
    worker: newWorker(),
    configure,
    recipient: (input) => saveRecipient(herald.db, herald.secrets, input, clock.now()),
    row: (id) => herald.db.prepare('SELECT * FROM messages WHERE id = ?').get(id) as MessageRow,
    trace: (id) => herald.db.prepare('SELECT e.* FROM message_events e JOIN messages m ON m.seq = e.message_seq WHERE m.id = ? ORDER BY e.id').all(id) as never,
    newWorker,
  };
}
