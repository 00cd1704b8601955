import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { APP_ID } from '../../../main/app/app-id.js';

const root = path.resolve(import.meta.dirname, '../../..');
const config = parse(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as {
  appId: string;
  electronVersion: string;
  files: string[];
  asarUnpack: string[];
  win: { target: Array<{ target: string; arch: string[] }>; icon: string };
  nsis: Record<string, unknown>;
};
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { optionalDependencies: Record<string, string> };

/** electron-builder's file patterns: the last matching pattern wins, a leading `!` excludes. */
function packaged(file: string): boolean {
  let included = false;
  for (const pattern of config.files) {
    const negated = pattern.startsWith('!');
    if (path.posix.matchesGlob(file, negated ? pattern.slice(1) : pattern)) included = !negated;
  }
  return included;
}

describe('electron-builder.yml', () => {
  const schema = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8')) as object;
  const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);

  it('is valid against electron-builder’s own JSON schema', () => {
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('would be refused by that schema with a misspelt or mistyped option', () => {
    expect(validate({ ...config, nsis: { ...config.nsis, oneClick: 'no' } })).toBe(false);
    expect(validate({ ...config, asarUnpak: ['x'] })).toBe(false);
  });

  it('builds a per-user, assisted NSIS installer for Windows x64', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false });
  });

  it('packages Electron’s version from package.json and the app ID the shell uses', () => {
    expect(config.electronVersion).toBe(pkg.optionalDependencies.electron);
    expect(config.appId).toBe(APP_ID);
  });

  it('unpacks better-sqlite3 from the asar so its native addon loads', () => {
    const addon = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
    expect(config.asarUnpack.some((p) => path.posix.matchesGlob(addon, p))).toBe(true);
  });

  it('ships the compiled app, package.json, icons and production modules, but not Electron itself', () => {
    for (const file of ['out/main/app/main.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'package.json', 'resources/tray-failed.png', 'node_modules/better-sqlite3/lib/index.js']) {
      expect([file, packaged(file)]).toEqual([file, true]);
    }
    for (const file of ['main/app/main.ts', 'out/main/app/main.js.map', 'node_modules/electron/dist/electron.exe', 'node_modules/@electron/get/dist/index.js', 'node_modules/.herald/node-abi/better_sqlite3.node', 'test/unit/app/tray.test.ts']) {
      expect([file, packaged(file)]).toEqual([file, false]);
    }
  });

  it('uses an icon that exists', () => {
    expect(fs.existsSync(path.join(root, config.win.icon))).toBe(true);
  });
});
