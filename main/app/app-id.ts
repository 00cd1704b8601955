/**
 * The Windows AppUserModelID. Notifications are attributed to it (they need a Start-menu shortcut
 * carrying the same ID, which the installer creates), and electron-builder.yml uses it as `appId`.
 */
export const APP_ID = 'com.herald.desktop';
