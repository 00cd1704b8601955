import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { protocol, resetElectron } from '../../fakes/electron/index.js';
import { isUiUrl, registerUiScheme, serveUi, uiResponse } from '../../../main/app/ui-protocol.js';
import { tempDir } from '../../helpers/tmp.js';

vi.mock('electron', () => import('../../fakes/electron/index.js'));

beforeEach(() => resetElectron());

function fakeDist(): string {
  const dist = tempDir();
  fs.writeFileSync(path.join(dist, 'index.html'), '<meta name="herald-csp-nonce" content="%HERALD_CSP_NONCE%"><script type="module" src="./assets/app.js"></script>');
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(path.join(dist, 'assets', 'app.js'), 'console.log("hi")');
  fs.writeFileSync(path.join(path.dirname(dist), `${path.basename(dist)}-secret.txt`), 'outside');
  return dist;
}

describe('app:// UI protocol', () => {
  it('serves the index with a fresh nonce per load, in the page and in its policy', async () => {
    const dist = fakeDist();
    const nonces = [];
    for (let i = 0; i < 2; i += 1) {
      const res = uiResponse('app://herald/index.html', dist);
      expect(res.status).toBe(200);
      const csp = res.headers.get('content-security-policy') ?? '';
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      expect(await res.text()).toContain(`content="${nonce}"`);
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe');
      nonces.push(nonce);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
    expect(uiResponse('app://herald/', dist).status).toBe(200);
  });

  it('serves built files with their type and refuses paths outside the UI folder', async () => {
    const dist = fakeDist();
    const js = uiResponse('app://herald/assets/app.js', dist);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log("hi")');
    expect(uiResponse(`app://herald/..%2F${path.basename(dist)}-secret.txt`, dist).status).toBe(404);
    expect(uiResponse('app://herald/missing.js', dist).status).toBe(404);
    expect(uiResponse('app://elsewhere/index.html', dist).status).toBe(404);
  });

  it('says the UI is not built when there is no index', () => {
    expect(uiResponse('app://herald/index.html', tempDir()).status).toBe(503);
  });

  it('registers a secure, standard scheme and serves it through protocol.handle', async () => {
    registerUiScheme();
    expect(protocol.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    const dist = fakeDist();
    serveUi(dist);
    const res = await protocol.handlers.get('app')!(new Request('app://herald/assets/app.js'));
    expect(await res.text()).toBe('console.log("hi")');
  });

  it('recognises only its own origin', () => {
    expect(isUiUrl('app://herald/index.html#/logs')).toBe(true);
    expect(isUiUrl('app://herald.evil.example/index.html')).toBe(false);
    expect(isUiUrl('https://herald/index.html')).toBe(false);
    expect(isUiUrl('not a url')).toBe(false);
  });
});
