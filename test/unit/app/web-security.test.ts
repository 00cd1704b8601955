import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeEvent, FakeWebContents, resetElectron, session, shell } from '../../fakes/electron/index.js';
import { hardenSession, hardenWebContents } from '../../../main/app/web-security.js';
import type { Session, WebContents } from 'electron';

vi.mock('electron', () => import('../../fakes/electron/index.js'));

beforeEach(() => resetElectron());

const flush = () => new Promise((resolve) => setImmediate(resolve));

function hardened(): FakeWebContents {
  const contents = new FakeWebContents();
  hardenWebContents(contents as unknown as WebContents);
  return contents;
}

describe('web contents hardening', () => {
  it('cancels navigation away from the UI and keeps navigation inside it', () => {
    const contents = hardened();
    const away = new FakeEvent();
    contents.emit('will-navigate', away, 'https://evil.example/phish');
    expect(away.defaultPrevented).toBe(true);
    const inside = new FakeEvent();
    contents.emit('will-navigate', inside, 'app://herald/index.html#/runs');
    expect(inside.defaultPrevented).toBe(false);
  });

  it('denies every new window and opens allow-listed links in the browser only', async () => {
    const contents = hardened();
    expect(contents.windowOpenHandler!({ url: 'https://work.weixin.qq.com/wework_admin/frame' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    await flush();
    expect(shell.openedExternal).toEqual(['https://work.weixin.qq.com/wework_admin/frame']);
  });

  it('refuses to attach a webview', () => {
    const contents = hardened();
    const event = new FakeEvent();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });
});

describe('session hardening', () => {
  it('denies permission requests and checks', () => {
    hardenSession(session.defaultSession as unknown as Session);
    const granted: boolean[] = [];
    session.defaultSession.permissionRequestHandler!({}, 'media', (g) => granted.push(g));
    session.defaultSession.permissionRequestHandler!({}, 'notifications', (g) => granted.push(g));
    expect(granted).toEqual([false, false]);
    expect(session.defaultSession.permissionCheckHandler!({}, 'clipboard-read')).toBe(false);
  });
});
