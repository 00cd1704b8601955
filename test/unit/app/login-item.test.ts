import { beforeEach, describe, expect, it, vi } from 'vitest';
import { app, resetElectron } from '../../fakes/electron/index.js';
import { applyStartAtLogin } from '../../../main/app/login-item.js';

vi.mock('electron', () => import('../../fakes/electron/index.js'));

beforeEach(() => resetElectron());

describe('start at login', () => {
  it('registers the executable with the launch arguments, quoted where they hold spaces, starting hidden', () => {
    applyStartAtLogin(true, ['--data-dir', 'D:\\Herald data']);
    expect(app.loginItem).toEqual({ openAtLogin: true, path: process.execPath, args: ['--data-dir', '"D:\\Herald data"', '--hidden'] });
  });

  it('removes the login item when turned off', () => {
    applyStartAtLogin(false, []);
    expect(app.loginItem).toMatchObject({ openAtLogin: false });
  });
});
