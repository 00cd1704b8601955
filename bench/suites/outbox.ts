import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Herald } from '../../main/core/herald.js';
import { ManualClock } from '../../main/shared/clock.js';
import { createLogger } from '../../main/logging/logger.js';
import { createSenders } from '../../main/channels/registry.js';
import { updateChannelConfig } from '../../main/channels/config-store.js';
import { FakeWecomServer } from '../../main/channels/fakes/wecom-server.js';
import { saveRecipient } from '../../main/outbox/recipients.js';
import { enqueueMessage } from '../../main/outbox/enqueue.js';
import { DeliveryWorker } from '../../main/outbox/worker.js';

const THROUGHPUT_MESSAGES = 50_000;
/** A job run enqueues its messages in its own transaction; 1,000 per run here. */
const PER_RUN = 1000;

function openBenchHerald(clock?: ManualClock): { herald: Herald; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'herald-bench-outbox-'));
  const herald = Herald.open({ dataDir: dir, mode: 'cli', logToConsole: false, ...(clock ? { clock } : {}) });
  return { herald, dir };
}

function worker(herald: Herald): DeliveryWorker {
  return new DeliveryWorker({ db: herald.db, clock: herald.clock, secrets: herald.secrets, senders: createSenders({ clock: herald.clock, power: herald.power }), log: createLogger('bench') });
}

/**
 * Enqueue (1,000 per transaction, as a job run does), then claim and mark sent through the worker on
 * DRY_RUN, whose messages are settled in the claim transaction, up to 500 per transaction (the
 * batching: nothing leaves the machine, so there is no crash window to keep small).
 */
async function throughput(): Promise<Record<string, number>> {
  const { herald, dir } = openBenchHerald();
  try {
    const db = herald.db;
    saveRecipient(db, herald.secrets, { id: 'bench', route: [{ channel: 'DRY_RUN', address: 'bench' }] }, Date.now());
    const t0 = performance.now();
    for (let run = 0; run < THROUGHPUT_MESSAGES / PER_RUN; run += 1) {
      db.transaction(() => {
        for (let i = 0; i < PER_RUN; i += 1) {
          const n = run * PER_RUN + i;
          enqueueMessage(db, { businessType: 'bench', businessId: `b${n}`, recipient: 'bench', content: { kind: 'text', text: `message ${n}` } });
        }
      }).immediate();
    }
    const t1 = performance.now();
    const sent = await worker(herald).runOnce();
    const t2 = performance.now();
    if (sent !== THROUGHPUT_MESSAGES) throw new Error(`only ${sent} of ${THROUGHPUT_MESSAGES} were delivered`);
    const enqueueS = (t1 - t0) / 1000;
    const deliverS = (t2 - t1) / 1000;
    return {
      messages: THROUGHPUT_MESSAGES,
      enqueuePerSecond: Math.round(THROUGHPUT_MESSAGES / enqueueS),
      claimAndMarkSentPerSecond: Math.round(THROUGHPUT_MESSAGES / deliverS),
      endToEndPerSecond: Math.round(THROUGHPUT_MESSAGES / (enqueueS + deliverS)),
    };
  } finally {
    await herald.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The per-message path of a real channel: the robot webhook on the local fake (limit lifted), one
 * durable claim and one settle transaction around each HTTP call.
 */
async function webhookPath(): Promise<Record<string, number>> {
  const MESSAGES = 5000;
  const fake = await new FakeWecomServer({ robotLimit: 1_000_000 }).start();
  const { herald, dir } = openBenchHerald();
  try {
    const db = herald.db;
    updateChannelConfig(db, herald.secrets, 'GROUP_BOT', { settings: { baseUrl: fake.robotUrl, perKeyLimit: 10_000 } }, Date.now());
    saveRecipient(db, herald.secrets, { id: 'grp', route: [{ channel: 'GROUP_BOT', address: 'bench-robot-key' }] }, Date.now());
    db.transaction(() => {
      for (let i = 0; i < MESSAGES; i += 1) enqueueMessage(db, { businessType: 'bench', businessId: `w${i}`, recipient: 'grp', content: { kind: 'text', text: `w${i}` } });
    })();
    const t0 = performance.now();
    const sent = await worker(herald).runOnce();
    const s = (performance.now() - t0) / 1000;
    if (sent !== MESSAGES || fake.accepted().length !== MESSAGES) throw new Error(`webhook path delivered ${fake.accepted().length} of ${MESSAGES}`);
    return { messages: MESSAGES, perSecond: Math.round(MESSAGES / s) };
  } finally {
    await herald.close();
    await fake.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * 10 simulated minutes against the fake robot enforcing 20 per minute on one key: how much of the
 * allowed rate the worker uses, and how many 45009 answers it provoked.
 */
async function utilisation(): Promise<Record<string, number>> {
  const MINUTES = 10;
  const clock = new ManualClock(Date.parse('2026-03-02T10:00:00+08:00'));
  const fake = await new FakeWecomServer({ clock, robotLimit: 20, robotWindowMs: 60_000 }).start();
  const { herald, dir } = openBenchHerald(clock);
  try {
    const db = herald.db;
    updateChannelConfig(db, herald.secrets, 'GROUP_BOT', { settings: { baseUrl: fake.robotUrl, perKeyLimit: 20, windowMs: 60_000, marginMs: 500 } }, clock.now());
    saveRecipient(db, herald.secrets, { id: 'grp', route: [{ channel: 'GROUP_BOT', address: 'bench-robot-key' }] }, clock.now());
    db.transaction(() => {
      for (let i = 0; i < 20 * MINUTES * 2; i += 1) enqueueMessage(db, { businessType: 'bench', businessId: `u${i}`, recipient: 'grp', content: { kind: 'text', text: `u${i}` } });
    })();
    const w = worker(herald);
    const start = clock.now();
    const end = start + MINUTES * 60_000;
    // Each send takes 300 ms of simulated time (a realistic WeCom round trip).
    while (clock.now() < end) {
      const sent = await w.runOnce(() => clock.now() >= end);
      const next = w.nextDueAt();
      if (sent === 0) clock.set(Math.min(end, Math.max(clock.now() + 1, next ?? end)));
      else clock.advance(300 * sent);
    }
    const accepted = fake.robot.filter((r) => r.errcode === 0 && r.at < end).length;
    const allowed = 20 * MINUTES;
    return { simulatedMinutes: MINUTES, allowed, accepted, utilisationPercent: Math.round((accepted / allowed) * 1000) / 10, errcode45009: fake.robot.filter((r) => r.errcode === 45009).length };
  } finally {
    await herald.close();
    await fake.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<Record<string, unknown>> {
  return { throughput: await throughput(), webhookPath: await webhookPath(), rateLimited: await utilisation() };
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  console.log(JSON.stringify(await run(), null, 2));
}
