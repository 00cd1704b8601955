/**
 * v1's desktop sending sequence (spec §5.2), as data both drivers execute. `phase: 'message'` marks
 * the steps after which the message may already be in the chat: a failure there makes the outcome
 * unknown, never "not sent".
 */
export type DesktopClient = 'wechat' | 'wecom';

export type DesktopStep =
  /** Find the client's window; when missing or not in front press the client's hotkey, wait, find again; focus it. */
  | { kind: 'bring-forward'; title: string; hotkey: string; waitMs: number; phase: 'prepare' }
  | { kind: 'key'; combo: string; phase: 'prepare' | 'message' }
  /** v1 pasted from the clipboard; the X11 driver types (no clipboard owner without a desktop). */
  | { kind: 'paste'; text: string; phase: 'prepare' | 'message' }
  | { kind: 'wait'; ms: number; phase: 'prepare' | 'message' };

export const CLIENT_DEFAULTS: Record<DesktopClient, { title: string; hotkey: string }> = {
  wechat: { title: '微信', hotkey: 'ctrl+alt+w' },
  wecom: { title: '企业微信', hotkey: 'shift+alt+s' },
};

export interface SequenceInput {
  client: DesktopClient;
  title: string;
  hotkey: string;
  chatName: string;
  message: string;
  /** v1: 1000 ms. */
  stepWaitMs: number;
}

export function desktopSequence(input: SequenceInput): DesktopStep[] {
  const w = input.stepWaitMs;
  // Personal WeChat opens search with Ctrl+F; WeCom with Alt, 0.1 s, Alt.
  const openSearch: DesktopStep[] =
    input.client === 'wechat'
      ? [{ kind: 'key', combo: 'ctrl+f', phase: 'prepare' }]
      : [
          { kind: 'key', combo: 'alt', phase: 'prepare' },
          { kind: 'wait', ms: Math.min(100, w), phase: 'prepare' },
          { kind: 'key', combo: 'alt', phase: 'prepare' },
        ];
  return [
    { kind: 'bring-forward', title: input.title, hotkey: input.hotkey, waitMs: w, phase: 'prepare' },
    ...openSearch,
    { kind: 'paste', text: input.chatName, phase: 'prepare' },
    { kind: 'wait', ms: w, phase: 'prepare' },
    { kind: 'key', combo: 'Return', phase: 'prepare' },
    { kind: 'wait', ms: w, phase: 'prepare' },
    { kind: 'paste', text: input.message, phase: 'message' },
    { kind: 'key', combo: 'Return', phase: 'message' },
    { kind: 'wait', ms: w, phase: 'message' },
  ];
}
