import type { HeraldEvent, Topic } from '../api/contract/events.js';

type Listener = (event: HeraldEvent) => void;

/**
 * In-process fan-out of live updates to the UI transports (SSE, IPC) and to the tray.
 * Invalidations of the same topic and key are coalesced over a short window so a job reporting
 * progress thousands of times does not flood the UI.
 */
export class EventBus {
  private readonly listeners = new Set<Listener>();
  private readonly pending = new Map<string, HeraldEvent>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly coalesceMs = 150) {}

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: HeraldEvent): void {
    for (const l of this.listeners) l(event);
  }

  invalidate(topic: Topic, key?: string): void {
    const id = `${topic}\u0000${key ?? ''}`;
    this.pending.set(id, { type: 'invalidate', topic, ...(key !== undefined ? { key } : {}) });
    if (!this.timer) {
      this.timer = setTimeout(() => this.flush(), this.coalesceMs);
      this.timer.unref();
    }
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const events = [...this.pending.values()];
    this.pending.clear();
    for (const e of events) this.emit(e);
  }
}
