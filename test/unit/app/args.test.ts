import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseShellArgs } from '../../../main/app/args.js';

vi.mock('electron', () => import('../../fakes/electron/index.js'));

const saved = process.env.HERALD_DATA_DIR;
beforeEach(() => {
  process.env.HERALD_DATA_DIR = path.join('/srv', 'herald-default');
});
afterEach(() => {
  if (saved === undefined) delete process.env.HERALD_DATA_DIR;
  else process.env.HERALD_DATA_DIR = saved;
});

describe('app command line', () => {
  it('reads --data-dir and --demo as `herald start` passes them, ignoring Chromium switches', () => {
    const args = parseShellArgs(['electron', '/app/out/main/app/main.js', '--data-dir', 'D:\\Herald data', '--demo', '--enable-logging']);
    expect(args).toEqual({ dataDir: 'D:\\Herald data', explicitDataDir: true, demo: true, hidden: false });
  });

  it('falls back to the default data folder, and a separate one for the demo', () => {
    expect(parseShellArgs(['Herald.exe', '--hidden'])).toEqual({ dataDir: '/srv/herald-default', explicitDataDir: false, demo: false, hidden: true });
    expect(parseShellArgs(['Herald.exe', '--demo']).dataDir).toBe('/srv/herald-default-demo');
  });
});
