import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACCEPTED, auditElectron, ELECTRON_SOURCES } from '../../../scripts/audit-electron.mjs';
import { tempDir } from '../../helpers/tmp.js';

describe('Electronegativity audit of the Electron code', () => {
  it('finds nothing in main/app and preload beyond the accepted findings documented in docs/desktop-shell.md', async () => {
    const { errors, accepted, unexpected } = await auditElectron();
    expect(errors).toEqual([]);
    expect(unexpected).toEqual([]);
    const shellDoc = fs.readFileSync(path.resolve(import.meta.dirname, '../../../docs/desktop-shell.md'), 'utf8');
    for (const f of accepted) expect(shellDoc).toContain(f.id);
    expect(Object.keys(ACCEPTED).length).toBeGreaterThan(0);
  });

  it('flags a window without context isolation and sandbox (the scanner is really looking)', async () => {
    const bad = tempDir();
    fs.writeFileSync(
      path.join(bad, 'bad-window.ts'),
      "import { BrowserWindow } from 'electron';\nexport const w = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });\n",
    );
    const { unexpected } = await auditElectron({ ...ELECTRON_SOURCES, bad });
    const ids = new Set(unexpected.filter((f) => f.file.startsWith('bad')).map((f) => f.id));
    expect(ids).toContain('CONTEXT_ISOLATION_JS_CHECK');
    expect(ids).toContain('SANDBOX_JS_CHECK');
  });
});
