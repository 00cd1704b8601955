import { describe, expect, it } from 'vitest';
import { desktopSequence } from '../../../../main/channels/desktop/sequence.js';
import { SCRIPT_MARKERS, sendKeysNotation, windowsScript } from '../../../../main/channels/desktop/windows-script.js';

const decodeAll = (script: string) => [...script.matchAll(/Decode '([A-Za-z0-9+/=]+)'/g)].map((m) => Buffer.from(m[1]!, 'base64').toString('utf8'));

describe('the generated Windows script (unverified on Windows)', () => {
  const message = "🧨 喜报\n恭喜 O'Brien 签约 $(rm -rf) `x`";
  const script = windowsScript(desktopSequence({ client: 'wecom', title: '企业微信', hotkey: 'shift+alt+s', chatName: "（北京）修链服务运营'", message, stepWaitMs: 1000 }));
  const lines = script.split('\r\n');

  it('carries every text base64-encoded, so no chat name or message can break the quoting', () => {
    expect(decodeAll(script)).toEqual(['企业微信', "（北京）修链服务运营'", message]);
    expect(script).not.toContain('rm -rf');
    expect(script).not.toContain('O\'Brien');
  });

  it('finds the window by UI Automation, presses the hotkey when it is missing or not in front, and refuses when still missing', () => {
    expect(script).toContain('[System.Windows.Automation.AutomationElement]::RootElement.FindFirst([System.Windows.Automation.TreeScope]::Children, $cond)');
    const bring = lines.findIndex((l) => l.startsWith('if (-not $w -or'));
    expect(lines[bring]).toContain("SendWait('+%s'); Start-Sleep -Milliseconds 1000; $w = Find-Client $title");
    expect(lines[bring + 1]).toBe(`if (-not $w) { Write-Output '${SCRIPT_MARKERS.missing}'; exit 3 }`);
    expect(lines[bring + 3]).toBe('[void][HeraldWin32]::ShowWindow($h, 9); [void][HeraldWin32]::SetForegroundWindow($h)');
  });

  it('follows the sequence: Alt, 0.1 s, Alt, paste the chat, 1 s, Enter, 1 s, marker, paste the message, Enter, 1 s, done', () => {
    const body = lines.slice(lines.findIndex((l) => l.startsWith('[void][HeraldWin32]::ShowWindow')) + 1);
    expect(body).toEqual([
      'Tap-Alt',
      'Start-Sleep -Milliseconds 100',
      'Tap-Alt',
      expect.stringMatching(/^Paste \(Decode '.+'\)$/),
      'Start-Sleep -Milliseconds 1000',
      "[System.Windows.Forms.SendKeys]::SendWait('{ENTER}')",
      'Start-Sleep -Milliseconds 1000',
      `Write-Output '${SCRIPT_MARKERS.message}'`,
      expect.stringMatching(/^Paste \(Decode '.+'\)$/),
      "[System.Windows.Forms.SendKeys]::SendWait('{ENTER}')",
      'Start-Sleep -Milliseconds 1000',
      'if ($savedClipboard) { Set-Clipboard -Value $savedClipboard }',
      `Write-Output '${SCRIPT_MARKERS.done}'`,
      'exit 0',
      '',
    ]);
  });

  it('writes hotkeys in SendKeys notation', () => {
    expect(sendKeysNotation('ctrl+alt+w')).toBe('^%w');
    expect(sendKeysNotation('shift+alt+s')).toBe('+%s');
    expect(sendKeysNotation('ctrl+f')).toBe('^f');
    expect(sendKeysNotation('Return')).toBe('{ENTER}');
    expect(() => sendKeysNotation('hyper+x')).toThrow(/Unknown modifier "hyper"/);
  });
});
