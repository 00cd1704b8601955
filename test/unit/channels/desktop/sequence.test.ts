import { describe, expect, it } from 'vitest';
import { desktopSequence } from '../../../../main/channels/desktop/sequence.js';

describe("v1's desktop sequence (spec §5.2)", () => {
  it('personal WeChat: hotkey Ctrl+Alt+W, Ctrl+F, paste the contact, 1 s, Enter, 1 s, paste the message, Enter, 1 s', () => {
    expect(desktopSequence({ client: 'wechat', title: '微信', hotkey: 'ctrl+alt+w', chatName: '运营小王', message: 'hi', stepWaitMs: 1000 })).toEqual([
      { kind: 'bring-forward', title: '微信', hotkey: 'ctrl+alt+w', waitMs: 1000, phase: 'prepare' },
      { kind: 'key', combo: 'ctrl+f', phase: 'prepare' },
      { kind: 'paste', text: '运营小王', phase: 'prepare' },
      { kind: 'wait', ms: 1000, phase: 'prepare' },
      { kind: 'key', combo: 'Return', phase: 'prepare' },
      { kind: 'wait', ms: 1000, phase: 'prepare' },
      { kind: 'paste', text: 'hi', phase: 'message' },
      { kind: 'key', combo: 'Return', phase: 'message' },
      { kind: 'wait', ms: 1000, phase: 'message' },
    ]);
  });

  it('WeCom: hotkey Shift+Alt+S, Alt, 0.1 s, Alt (search), then the same as WeChat', () => {
    const steps = desktopSequence({ client: 'wecom', title: '企业微信', hotkey: 'shift+alt+s', chatName: '（北京）修链服务运营', message: 'hi', stepWaitMs: 1000 });
    expect(steps.slice(0, 5)).toEqual([
      { kind: 'bring-forward', title: '企业微信', hotkey: 'shift+alt+s', waitMs: 1000, phase: 'prepare' },
      { kind: 'key', combo: 'alt', phase: 'prepare' },
      { kind: 'wait', ms: 100, phase: 'prepare' },
      { kind: 'key', combo: 'alt', phase: 'prepare' },
      { kind: 'paste', text: '（北京）修链服务运营', phase: 'prepare' },
    ]);
    expect(steps.filter((s) => s.phase === 'message').map((s) => s.kind)).toEqual(['paste', 'key', 'wait']);
  });
});
