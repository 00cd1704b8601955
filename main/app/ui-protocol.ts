import { protocol } from 'electron';
import { rendererDist } from '../core/app-info.js';
import { newNonce, uiAsset, uiAssetHeaders, uiIndexHeaders, uiIndexHtml } from '../api/ui-assets.js';

/**
 * The window loads the UI from `app://herald/`, a privileged scheme served from `out/renderer`
 * with the same files and Content-Security-Policy as headless mode (a fresh nonce per load), so
 * the page is a secure origin of its own: never `file://`, never a remote server.
 */
export const UI_SCHEME = 'app';
export const UI_HOST = 'herald';
export const UI_URL = `${UI_SCHEME}://${UI_HOST}/index.html`;

/** Whether a URL belongs to Herald's UI (IPC sender check, navigation guard). */
export function isUiUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${UI_SCHEME}:` && u.host === UI_HOST;
  } catch {
    return false;
  }
}

/** Must run before the app is ready: the scheme gets standard-URL, secure-context and fetch rights. */
export function registerUiScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: UI_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

export function uiResponse(url: string, dist = rendererDist): Response {
  if (!isUiUrl(url)) return new Response('Not found', { status: 404 });
  const { pathname } = new URL(url);
  if (pathname === '/' || pathname === '/index.html') {
    const nonce = newNonce();
    const html = uiIndexHtml(nonce, dist);
    if (!html) return new Response('The Herald UI is not built yet. Run `npm run build`.', { status: 503 });
    return new Response(html, { headers: uiIndexHeaders(nonce) });
  }
  const asset = uiAsset(pathname, dist);
  if (!asset) return new Response('Not found', { status: 404 });
  return new Response(new Uint8Array(asset.body), { headers: uiAssetHeaders(asset.type) });
}

export function serveUi(dist = rendererDist): void {
  protocol.handle(UI_SCHEME, (request) => uiResponse(request.url, dist));
}
