import { beforeEach, describe, expect, it, vi } from 'vitest';
import { powerMonitor, powerSaveBlocker, resetElectron } from '../../fakes/electron/index.js';
import { forwardPowerEvents, KeepAwake } from '../../../main/app/power.js';
import { PowerEvents } from '../../../main/core/power.js';

vi.mock('electron', () => import('../../fakes/electron/index.js'));

beforeEach(() => resetElectron());

describe('power events', () => {
  it('forwards resume from the system to the core, where the scheduler listens', () => {
    const power = new PowerEvents();
    const onResume = vi.fn();
    power.on('resume', onResume);
    forwardPowerEvents(power);
    powerMonitor.emit('resume');
    expect(onResume).toHaveBeenCalledTimes(1);
  });

  it('forwards suspend, lock, unlock and shutdown, and tracks the locked session', () => {
    const power = new PowerEvents();
    const seen: string[] = [];
    for (const name of ['suspend', 'lock-screen', 'unlock-screen', 'shutdown'] as const) power.on(name, () => seen.push(name));
    forwardPowerEvents(power);
    powerMonitor.emit('suspend');
    powerMonitor.emit('lock-screen');
    expect(power.locked).toBe(true);
    powerMonitor.emit('unlock-screen');
    expect(power.locked).toBe(false);
    powerMonitor.emit('shutdown');
    expect(seen).toEqual(['suspend', 'lock-screen', 'unlock-screen', 'shutdown']);
  });

  it('stops forwarding when unsubscribed', () => {
    const power = new PowerEvents();
    const onResume = vi.fn();
    power.on('resume', onResume);
    forwardPowerEvents(power)();
    powerMonitor.emit('resume');
    expect(onResume).not.toHaveBeenCalled();
    expect(powerMonitor.listenerCount('resume')).toBe(0);
  });
});

describe('keep awake while a run is in progress', () => {
  it('holds one prevent-app-suspension blocker while busy and releases it when idle', () => {
    const keep = new KeepAwake();
    keep.update(true);
    keep.update(true);
    expect([...powerSaveBlocker.active.values()]).toEqual(['prevent-app-suspension']);
    expect(keep.active).toBe(true);
    keep.update(false);
    expect(powerSaveBlocker.active.size).toBe(0);
    expect(keep.active).toBe(false);
    keep.update(true);
    expect(powerSaveBlocker.active.size).toBe(1);
    keep.release();
    expect(powerSaveBlocker.active.size).toBe(0);
  });
});
