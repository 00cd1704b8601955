import type { DesktopStep } from './sequence.js';

/**
 * How a driver's run ended: `sent` all steps done (v1 read nothing back either); `missing-window`
 * the client is not open, nothing typed; `failed` a step before the message failed, nothing sent;
 * `unknown` a step at or after the message failed or timed out — it may be in the chat.
 */
export type DesktopResult =
  | { kind: 'sent' }
  | { kind: 'missing-window'; reason: string }
  | { kind: 'failed'; reason: string }
  | { kind: 'unknown'; reason: string };

export interface DesktopRunOptions {
  stepTimeoutMs: number;
  /** X11 only: the display to drive. */
  display?: string;
  signal: AbortSignal;
}

export interface DesktopDriver {
  readonly name: 'windows' | 'x11';
  run(steps: DesktopStep[], options: DesktopRunOptions): Promise<DesktopResult>;
}
