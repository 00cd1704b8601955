import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * The installed `herald` command (what only a Windows PC can run, see the README's smoke test):
 * the file layout it relies on is checked here.
 */
const root = path.resolve(import.meta.dirname, '../../..');
const config = parse(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as {
  files: string[];
  extraResources: Array<{ from: string; to: string; filter: string[] }>;
  win: { executableName: string };
  nsis: { include: string };
};
const cmd = fs.readFileSync(path.join(root, 'resources', 'bin', 'herald.cmd'), 'utf8');
const nsh = fs.readFileSync(path.join(root, config.nsis.include), 'utf8');

describe('herald on the PATH of an installed Herald', () => {
  it('herald.cmd goes to resources\\bin and runs the compiled CLI from the asar on Herald.exe as Node', () => {
    expect(config.extraResources).toEqual([{ from: 'resources/bin', to: 'bin', filter: ['herald.cmd'] }]);
    expect(cmd).toContain('set "ELECTRON_RUN_AS_NODE=1"');
    // resources\bin → the install folder holds `${executableName}.exe`, resources\app.asar holds out/.
    expect(cmd).toContain(`"%~dp0..\\..\\${config.win.executableName}.exe" "%~dp0..\\app.asar\\out\\main\\cli\\main.js" %*`);
    expect(config.files).toContain('out/**/*');
    expect(cmd.split('\n').slice(0, -1).every((line) => line.endsWith('\r'))).toBe(true);
  });

  it("the installer adds that folder to the user's Path and the uninstaller removes it", () => {
    expect(nsh).toMatch(/!macro customInstall\s+!insertmacro heraldPath add\s+!macroend/);
    expect(nsh).toMatch(/!macro customUnInstall\s+!insertmacro heraldPath remove\s+!macroend/);
    expect(nsh).toContain("$$dir = '$INSTDIR\\resources\\bin'");
    expect(nsh).toContain("GetValue('Path', '', 'DoNotExpandEnvironmentNames')");
    expect(nsh).toContain('-Type ExpandString');
  });
});
