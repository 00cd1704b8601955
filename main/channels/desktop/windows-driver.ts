import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DesktopDriver, DesktopResult } from './driver.js';
import type { DesktopStep } from './sequence.js';
import { SCRIPT_MARKERS, windowsScript } from './windows-script.js';

/**
 * The Windows driver: writes the generated script to a temporary file (UTF-8 with BOM, as Windows
 * PowerShell 5.1 expects) and runs it in a single-threaded apartment (the clipboard needs one).
 * UNVERIFIED: no Windows machine runs Herald's tests.
 */
export function windowsDriver(): DesktopDriver {
  return {
    name: 'windows',
    run(steps: DesktopStep[], options): Promise<DesktopResult> {
      const file = path.join(os.tmpdir(), `herald-desktop-${crypto.randomUUID()}.ps1`);
      fs.writeFileSync(file, `\uFEFF${windowsScript(steps)}`, 'utf8');
      const waits = steps.reduce((sum, s) => sum + (s.kind === 'wait' ? s.ms : s.kind === 'bring-forward' ? s.waitMs : 0), 0);
      const timeout = waits + options.stepTimeoutMs * 2;
      return new Promise((resolve) => {
        execFile(
          'powershell.exe',
          ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-STA', '-File', file],
          { timeout, signal: options.signal, windowsHide: true },
          (err, stdout, stderr) => {
            fs.rmSync(file, { force: true });
            if (!err && stdout.includes(SCRIPT_MARKERS.done)) return resolve({ kind: 'sent' });
            if (stdout.includes(SCRIPT_MARKERS.missing)) return resolve({ kind: 'missing-window', reason: 'The client window is not open: start the client and sign in.' });
            const why = (err as { killed?: boolean } | null)?.killed ? `no end within ${timeout} ms` : (stderr.trim() || err?.message || 'the script ended early').slice(0, 500);
            resolve(stdout.includes(SCRIPT_MARKERS.message) ? { kind: 'unknown', reason: `The desktop send stopped while pasting the message (${why}); check the chat.` } : { kind: 'failed', reason: `The desktop send failed before the message was pasted (${why}).` });
          },
        );
      });
    },
  };
}
