import type { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { methodNames } from '../../../main/api/contract/index.js';
import { EVENT_CHANNEL, methodChannel } from '../../../main/app/ipc.js';
import type { HeraldBridge } from '../../../preload/bridge.js';

const electron = vi.hoisted(() => {
  const exposed: Record<string, unknown> = {};
  const invoked: Array<[string, unknown]> = [];
  return { exposed, invoked };
});

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const renderer = new Emitter() as EventEmitter & { invoke(channel: string, input: unknown): Promise<unknown> };
  renderer.invoke = (channel, input) => {
    electron.invoked.push([channel, input]);
    return Promise.resolve({ ok: true, data: channel });
  };
  return {
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (electron.exposed[key] = value) },
    ipcRenderer: renderer,
  };
});

async function loadBridge(): Promise<{ bridge: HeraldBridge; ipcRenderer: EventEmitter }> {
  await import('../../../preload/index.js');
  const { ipcRenderer } = (await import('electron')) as unknown as { ipcRenderer: EventEmitter };
  return { bridge: electron.exposed['herald'] as HeraldBridge, ipcRenderer };
}

describe('preload bridge', () => {
  it('exposes only `herald`: one named function per API method and an event subscription, no generic invoke', async () => {
    const { bridge } = await loadBridge();
    expect(Object.keys(electron.exposed)).toEqual(['herald']);
    expect(Object.keys(bridge).sort()).toEqual(['api', 'onEvent']);
    expect(Object.keys(bridge.api).sort()).toEqual([...methodNames].sort());
    expect(Object.values(bridge.api).every((f) => typeof f === 'function')).toBe(true);
  });

  it('calls each method on the channel the main process serves it on, with the input', async () => {
    const { bridge } = await loadBridge();
    await expect(bridge.api['jobs.runNow']({ jobId: 'sla-daily-report' })).resolves.toEqual({ ok: true, data: methodChannel('jobs.runNow') });
    expect(electron.invoked.at(-1)).toEqual([methodChannel('jobs.runNow'), { jobId: 'sla-daily-report' }]);
  });

  it('delivers live events from the channel the main process sends on, until the listener unsubscribes', async () => {
    const { bridge, ipcRenderer } = await loadBridge();
    const seen: unknown[] = [];
    const unsubscribe = bridge.onEvent((e) => seen.push(e));
    const event = { type: 'invalidate', topic: 'runs', key: '7' };
    ipcRenderer.emit(EVENT_CHANNEL, {}, event);
    unsubscribe();
    ipcRenderer.emit(EVENT_CHANNEL, {}, { type: 'invalidate', topic: 'jobs' });
    expect(seen).toEqual([event]);
    expect(ipcRenderer.listenerCount(EVENT_CHANNEL)).toBe(0);
  });
});
