import { execFile, spawn } from 'node:child_process';
import type { DesktopDriver, DesktopResult, DesktopRunOptions } from './driver.js';
import type { DesktopStep } from './sequence.js';

class StepError extends Error {
  constructor(
    message: string,
    readonly timedOut: boolean,
  ) {
    super(message);
  }
}

function xdotool(args: string[], options: DesktopRunOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'xdotool',
      args,
      { timeout: options.stepTimeoutMs, signal: options.signal, env: { ...process.env, ...(options.display ? { DISPLAY: options.display } : {}) } },
      (err, stdout, stderr) => {
        if (!err) return resolve(stdout);
        const timedOut = (err as { killed?: boolean }).killed === true || (err as { signal?: string }).signal === 'SIGTERM';
        // `search` exits 1 when nothing matches: not an error here.
        if (args[0] === 'search' && (err as { code?: number }).code === 1) return resolve('');
        reject(new StepError(`xdotool ${args[0]} failed: ${stderr.trim() || err.message}`, timedOut));
      },
    );
  });
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(t);
      resolve();
    }, { once: true });
  });

const titlePattern = (title: string) => `^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;

async function findWindow(title: string, options: DesktopRunOptions): Promise<string | undefined> {
  const out = await xdotool(['search', '--onlyvisible', '--name', titlePattern(title)], options);
  return out.split('\n').map((l) => l.trim()).filter(Boolean).at(-1);
}

/** Milliseconds between typed characters (the fallback without xclip). */
const TYPE_DELAY_MS = 30;
/** The client fetches a pasted selection asynchronously; give it this long before the next key. */
const PASTE_SETTLE_MS = 300;

/**
 * Types a multi-line text: Shift+Enter between lines, as the client wants for a line break.
 * Only a fallback: xdotool types a character missing from the keymap by remapping a spare keycode,
 * and a client that reads the event after the next remapping drops or changes characters (seen
 * with CJK text in chromium under load).
 */
async function typeText(text: string, options: DesktopRunOptions): Promise<void> {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    if (lines[i]) await xdotool(['type', '--delay', String(TYPE_DELAY_MS), '--', lines[i]!], options);
    if (i < lines.length - 1) await xdotool(['key', '--clearmodifiers', 'shift+Return'], options);
  }
}

/** Puts `text` on the CLIPBOARD selection; xclip stays in the background serving it, as a clipboard owner does. */
function setClipboard(text: string, options: DesktopRunOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('xclip', ['-selection', 'clipboard', '-i'], { stdio: ['pipe', 'ignore', 'ignore'], env: { ...process.env, ...(options.display ? { DISPLAY: options.display } : {}) } });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new StepError('xclip did not take the clipboard', true));
    }, options.stepTimeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(new StepError(`xclip failed: ${err.message}`, false));
    });
    // The foreground xclip exits once its background copy owns the selection.
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new StepError(`xclip exited with ${code}`, false));
    });
    child.stdin.end(text);
  });
}

let xclipAvailable: Promise<boolean> | undefined;
function hasXclip(): Promise<boolean> {
  xclipAvailable ??= new Promise((resolve) => execFile('xclip', ['-version'], (err) => resolve(!err)));
  return xclipAvailable;
}

/** v1 pasted from the clipboard; so does this driver when xclip is installed, else it types. */
async function paste(text: string, options: DesktopRunOptions): Promise<void> {
  if (!(await hasXclip())) return typeText(text, options);
  await setClipboard(text, options);
  await xdotool(['key', '--clearmodifiers', 'ctrl+v'], options);
  await sleep(PASTE_SETTLE_MS, options.signal);
}

/**
 * The Linux X11 driver: xdotool with `windowfocus --sync` (there may be no window manager, so no
 * `windowactivate`); texts are pasted through xclip when it is installed, else typed.
 */
export function x11Driver(): DesktopDriver {
  return {
    name: 'x11',
    async run(steps: DesktopStep[], options): Promise<DesktopResult> {
      let phase: DesktopStep['phase'] = 'prepare';
      try {
        for (const step of steps) {
          phase = step.phase;
          if (options.signal.aborted) throw new StepError('cancelled', true);
          switch (step.kind) {
            case 'bring-forward': {
              let id = await findWindow(step.title, options);
              if (!id) {
                await xdotool(['key', '--clearmodifiers', step.hotkey], options);
                await sleep(step.waitMs, options.signal);
                id = await findWindow(step.title, options);
              }
              if (!id) return { kind: 'missing-window', reason: `No window titled "${step.title}" is open: start the client and sign in.` };
              await xdotool(['windowfocus', '--sync', id], options);
              break;
            }
            case 'key':
              await xdotool(['key', '--clearmodifiers', step.combo], options);
              break;
            case 'paste':
              await paste(step.text, options);
              break;
            case 'wait':
              await sleep(step.ms, options.signal);
              break;
          }
        }
        return { kind: 'sent' };
      } catch (err) {
        const e = err as StepError;
        const why = e.timedOut ? `a step took longer than ${options.stepTimeoutMs} ms` : e.message;
        return phase === 'message' ? { kind: 'unknown', reason: `The desktop send stopped while typing the message (${why}); check the chat.` } : { kind: 'failed', reason: `The desktop send failed before the message was typed (${why}).` };
      }
    },
  };
}
