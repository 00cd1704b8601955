import type { Herald, Service } from '../core/herald.js';
import { createLogger } from '../logging/logger.js';
import { createSenders, type SenderDeps } from '../channels/registry.js';
import { DeliveryWorker } from './worker.js';
import { pruneMessages } from './retention.js';
import { attentionNeeded, outboxDiagnostics } from './attention.js';

/** Even with nothing due, the worker looks again this often (sending windows, switched back on …). */
const PERIODIC_CHECK_MS = 15_000;
const PRUNE_EVERY_MS = 6 * 3_600_000;
const RETRY_AFTER_ERROR_MS = 5000;

/**
 * The outbox delivery service: wakes when something is enqueued (`outbox` invalidations), when the
 * earliest waiting message becomes due, and every 15 s; one loop at a time.
 */
export function outboxService(herald: Herald, senderDeps: Partial<SenderDeps> = {}): Service {
  const log = createLogger('outbox');
  const worker = new DeliveryWorker({
    db: herald.db,
    clock: herald.clock,
    // Opened on first use: creating the services must not create the key file (read-only CLI commands).
    secrets: { seal: (plain) => herald.secrets.seal(plain), open: (sealed) => herald.secrets.open(sealed) },
    senders: createSenders({ clock: herald.clock, power: herald.power, ...senderDeps }),
    log,
    onChange: (id) => herald.events.invalidate('outbox', id),
    onDead: (d) => herald.events.emit({ type: 'alert', kind: 'message-dead', title: `Message ${d.id} could not be delivered`, body: `${d.recipient}: ${d.reason}` }),
  });
  let stopped = true;
  let busy: Promise<void> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  let pruneTimer: NodeJS.Timeout | undefined;
  let unsubscribe: (() => void) | undefined;
  let withdrawStatus: (() => unknown) | undefined;

  const schedule = (delayMs?: number) => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    let delay = delayMs;
    if (delay === undefined) {
      const next = worker.nextDueAt();
      delay = next === undefined ? PERIODIC_CHECK_MS : Math.min(PERIODIC_CHECK_MS, Math.max(0, next - herald.clock.now()));
    }
    timer = setTimeout(kick, delay);
    timer.unref();
  };

  const loop = async () => {
    let retryIn: number | undefined;
    try {
      do {
        again = false;
        await worker.runOnce(() => stopped);
      } while (again && !stopped);
    } catch (err) {
      log.error('The delivery loop failed; trying again shortly', { error: (err as Error).message });
      retryIn = RETRY_AFTER_ERROR_MS;
    } finally {
      busy = undefined;
    }
    schedule(retryIn);
  };

  function kick(): void {
    if (stopped) return;
    if (busy) {
      again = true;
      return;
    }
    busy = loop();
  }

  const prune = () => {
    try {
      const removed = pruneMessages(herald.db, herald.settings().messageRetentionDays, herald.clock.now());
      if (removed) log.info('Old messages pruned (their identities are kept)', { removed });
    } catch (err) {
      log.error('Pruning old messages failed', { error: (err as Error).message });
    }
  };

  return {
    name: 'outbox',
    start() {
      stopped = false;
      const recovered = worker.recoverInterrupted();
      if (recovered) log.warn('Sends interrupted by the last shutdown are held as unknown or sent again', { count: recovered });
      unsubscribe = herald.events.subscribe((e) => {
        if (e.type === 'invalidate' && e.topic === 'outbox') kick();
      });
      withdrawStatus = herald.status.contribute(() => ({ failures: attentionNeeded(herald) }));
      herald.diagnosticsSections.set('outbox', () => outboxDiagnostics(herald));
      prune();
      pruneTimer = setInterval(prune, PRUNE_EVERY_MS);
      pruneTimer.unref();
      kick();
    },
    async stop() {
      stopped = true;
      unsubscribe?.();
      withdrawStatus?.();
      herald.diagnosticsSections.delete('outbox');
      if (timer) clearTimeout(timer);
      if (pruneTimer) clearInterval(pruneTimer);
      await busy;
    },
  };
}
