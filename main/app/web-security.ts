import type { Session, WebContents } from 'electron';
import { createLogger } from '../logging/logger.js';
import { isUiUrl } from './ui-protocol.js';
import { openExternal } from './external-links.js';

const log = createLogger('app');

/**
 * Every web contents the app creates stays on Herald's UI: navigation elsewhere is cancelled,
 * new windows are denied (an allow-listed link opens in the user's browser instead) and
 * <webview> is refused.
 */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (isUiUrl(url)) return;
    event.preventDefault();
    log.warn('Blocked navigation away from the UI', { url: url.slice(0, 200) });
    void openExternal(url);
  });
  contents.setWindowOpenHandler(({ url }) => {
    void openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** The UI needs no camera, notifications-from-page, geolocation or any other permission. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn('Denied a permission request', { permission });
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
}
