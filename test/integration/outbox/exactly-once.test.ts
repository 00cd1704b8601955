import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { Herald } from '../../../main/core/herald.js';
import { updateChannelConfig } from '../../../main/channels/config-store.js';
import { saveRecipient } from '../../../main/outbox/recipients.js';
import { enqueueMessage } from '../../../main/outbox/enqueue.js';
import { FakeWecomServer } from '../../../main/channels/fakes/wecom-server.js';
import { openDatabase } from '../../../main/db/open.js';
import { tempDir } from '../../helpers/tmp.js';
import { waitFor } from '../../helpers/wait.js';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'delivery-child.ts');
const MESSAGES = 500;
const KEYS = 25;
const KILLS = 20;

const children: ChildProcess[] = [];
let fake: FakeWecomServer | undefined;
afterEach(async () => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
  await fake?.close();
});

/** Starts the delivery process and resolves with its API URL once it is running. */
function startChild(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{"url"'));
      if (line) resolve({ child, url: (JSON.parse(line) as { url: string }).url });
    });
    child.once('exit', (code) => reject(new Error(`the delivery process exited early (${code}): ${out}`)));
  });
}

const killed = (child: ChildProcess) => new Promise<void>((resolve) => {
  if (child.exitCode !== null || child.signalCode !== null) return resolve();
  child.once('exit', () => resolve());
  child.kill('SIGKILL');
});

async function api<T>(url: string, method: string, input: unknown = {}): Promise<T> {
  const res = await fetch(`${url}/api/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: 'Bearer crash-test-token' }, body: JSON.stringify(input) });
  const body = (await res.json()) as { ok: boolean; data: T; error?: unknown };
  if (!body.ok) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body.data;
}

describe('exactly once across crashes', () => {
  it(`delivers ${MESSAGES} messages over ${KEYS} webhooks while the delivery process is SIGKILLed ${KILLS} times: all delivered, duplicates only among the counted interrupted sends, never a 45009`, async () => {
    // A fast rate limit (2 per second per key: 50 messages a second in all) keeps the run short yet
    // spreads the work over all the kills. Herald keeps a 400 ms margin on the window: on a loaded
    // machine a request can reach the server that much later than Herald reserved its slot.
    fake = await new FakeWecomServer({ robotLimit: 2, robotWindowMs: 1000, latencyMs: () => 1 + Math.random() * 6 }).start();
    const dataDir = tempDir();
    const setup = Herald.open({ dataDir, mode: 'cli', logToConsole: false });
    const now = Date.now();
    // A transient failure (a socket reset under load) is retried after 200 ms instead of 5 minutes.
    updateChannelConfig(setup.db, setup.secrets, 'GROUP_BOT', { settings: { baseUrl: fake.robotUrl, perKeyLimit: 2, windowMs: 1000, marginMs: 400, timeoutMs: 5000 }, retry: { kind: 'fixed', maxRetries: 3, delayMs: 200 } }, now);
    for (let k = 0; k < KEYS; k += 1) saveRecipient(setup.db, setup.secrets, { id: `provider:p${k}`, route: [{ channel: 'GROUP_BOT', address: `crash-key-${k}-0123456789` }] }, now);
    setup.db.transaction(() => {
      for (let i = 0; i < MESSAGES; i += 1) enqueueMessage(setup.db, { businessType: 'pending-orders.digest', businessId: `run-1:${i}`, recipient: `provider:p${i % KEYS}`, content: { kind: 'text', text: `message ${i}` } });
    })();
    await setup.close();

    for (let k = 0; k < KILLS; k += 1) {
      const { child } = await startChild(dataDir);
      await new Promise((r) => setTimeout(r, 30 + Math.random() * 400));
      await killed(child);
    }
    const deliveredBeforeTheEnd = fake.accepted().length;

    const { child, url } = await startChild(dataDir);
    type Stats = { statusCounts: Record<string, number>; interrupted: number };
    const open = (s: Stats) => s.statusCounts.pending! + s.statusCounts.failed! + s.statusCounts.sending!;
    const stuck = async () => JSON.stringify((await api<{ items: unknown[] }>(url, 'outbox.list', { filter: { status: ['pending', 'failed', 'sending', 'dead'] }, pageSize: 5 })).items);
    await waitFor(async () => open(await api<Stats>(url, 'outbox.stats')) === 0, 'the last delivery process to finish', 75_000).catch(async (err: Error) => {
      throw new Error(`${err.message}; still open: ${await stuck()}`);
    });
    // A person resolves each interrupted send: here the worst case, "send again" for every one.
    const unknown = await api<{ items: Array<{ id: string }> }>(url, 'outbox.list', { filter: { status: ['unknown'] }, pageSize: 500 });
    for (const m of unknown.items) await api(url, 'outbox.sendAgain', { id: m.id });
    await waitFor(async () => (await api<Stats>(url, 'outbox.stats')).statusCounts.sent === MESSAGES, 'every message sent', 30_000);
    const stats = await api<Stats>(url, 'outbox.stats');
    await killed(child);

    const db = openDatabase(path.join(dataDir, 'herald.sqlite'), { readonly: true });
    const interruptedContents = new Set(
      db.prepare("SELECT DISTINCT m.content FROM messages m JOIN message_events e ON e.message_seq = m.seq WHERE e.kind = 'interrupted'").pluck().all() as string[],
    );
    db.close();

    const received = new Map<string, number>();
    for (const r of fake.accepted()) received.set(r.content!, (received.get(r.content!) ?? 0) + 1);
    const duplicates = [...received].filter(([, n]) => n > 1).map(([c]) => c);

    expect(deliveredBeforeTheEnd).toBeGreaterThan(0);
    expect(deliveredBeforeTheEnd).toBeLessThan(MESSAGES);
    expect(received.size).toBe(MESSAGES);
    for (let i = 0; i < MESSAGES; i += 1) expect(received.has(`message ${i}`)).toBe(true);
    expect(stats.interrupted).toBeGreaterThan(0);
    expect(stats.interrupted).toBe(interruptedContents.size);
    expect(stats.interrupted).toBeLessThanOrEqual(KILLS);
    for (const d of duplicates) expect(interruptedContents.has(d)).toBe(true);
    expect([...received.values()].every((n) => n <= 2)).toBe(true);
    expect(fake.robot.filter((r) => r.errcode === 45009)).toEqual([]);
    console.log(`exactly-once: ${KILLS} kills, ${stats.interrupted} interrupted sends, ${duplicates.length} delivered twice, ${deliveredBeforeTheEnd} delivered before the last start`);
  }, 120_000);
});
