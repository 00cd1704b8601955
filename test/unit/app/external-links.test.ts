import { beforeEach, describe, expect, it, vi } from 'vitest';
import { resetElectron, shell } from '../../fakes/electron/index.js';
import { isAllowedExternalUrl, openExternal } from '../../../main/app/external-links.js';

vi.mock('electron', () => import('../../fakes/electron/index.js'));

beforeEach(() => resetElectron());

describe('external links', () => {
  it('allows HTTPS to listed hosts only', () => {
    expect(isAllowedExternalUrl('https://work.weixin.qq.com/wework_admin/frame')).toBe(true);
    expect(isAllowedExternalUrl('http://work.weixin.qq.com/')).toBe(false);
    expect(isAllowedExternalUrl('https://work.weixin.qq.com.evil.example/')).toBe(false);
    expect(isAllowedExternalUrl('https://user:pw@work.weixin.qq.com/')).toBe(false);
    expect(isAllowedExternalUrl('file:///C:/Windows/System32/calc.exe')).toBe(false);
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isAllowedExternalUrl('https://example.org/', new Set(['example.org']))).toBe(true);
  });

  it('opens allowed links through the shell and refuses the rest', async () => {
    expect(await openExternal('https://developer.work.weixin.qq.com/document')).toBe(true);
    expect(await openExternal('ms-settings:privacy')).toBe(false);
    expect(shell.openedExternal).toEqual(['https://developer.work.weixin.qq.com/document']);
  });
});
