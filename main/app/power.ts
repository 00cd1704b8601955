import { powerMonitor, powerSaveBlocker } from 'electron';
import type { PowerEventMap, PowerEvents } from '../core/power.js';

const FORWARDED: (keyof PowerEventMap)[] = ['suspend', 'resume', 'lock-screen', 'unlock-screen', 'shutdown'];

/** Hands the system's power and session events to the core (the scheduler rescans after resume). */
export function forwardPowerEvents(power: PowerEvents): () => void {
  const handlers = FORWARDED.map((name) => {
    const handler = () => power.emit(name);
    powerMonitor.on(name as 'resume', handler);
    return [name, handler] as const;
  });
  return () => {
    for (const [name, handler] of handlers) powerMonitor.removeListener(name as 'resume', handler);
  };
}

/**
 * Keeps Windows from sleeping while a run is in progress (the screen may still turn off):
 * `update(true)` holds a power-save blocker, `update(false)` releases it.
 */
export class KeepAwake {
  private blockerId: number | undefined;

  get active(): boolean {
    return this.blockerId !== undefined && powerSaveBlocker.isStarted(this.blockerId);
  }

  update(busy: boolean): void {
    if (busy && !this.active) this.blockerId = powerSaveBlocker.start('prevent-app-suspension');
    if (!busy) this.release();
  }

  release(): void {
    if (this.blockerId !== undefined && powerSaveBlocker.isStarted(this.blockerId)) powerSaveBlocker.stop(this.blockerId);
    this.blockerId = undefined;
  }
}
