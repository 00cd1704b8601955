import { beforeEach, describe, expect, it, vi } from 'vitest';
import { app, FakeEvent, resetElectron } from '../../fakes/electron/index.js';
import { claimSingleInstance } from '../../../main/app/single-instance.js';

vi.mock('electron', () => import('../../fakes/electron/index.js'));

beforeEach(() => resetElectron());

describe('single instance', () => {
  it('keeps the first launch running and hands it the second launch’s command line', () => {
    const onSecond = vi.fn();
    expect(claimSingleInstance(onSecond)).toBe(true);
    expect(app.quitRequested).toBe(0);
    app.emit('second-instance', new FakeEvent(), ['Herald.exe', '--demo'], 'C:\\');
    expect(onSecond).toHaveBeenCalledWith(['Herald.exe', '--demo']);
  });

  it('quits the second launch when the lock is refused', () => {
    app.singleInstanceAvailable = false;
    const onSecond = vi.fn();
    expect(claimSingleInstance(onSecond)).toBe(false);
    expect(app.quitted).toBe(true);
    expect(app.listenerCount('second-instance')).toBe(0);
  });
});
