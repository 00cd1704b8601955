import { EnvHttpProxyAgent, type Dispatcher } from 'undici';

/**
 * The HTTP dispatcher every outbound call uses (Metabase, WeCom, smartsheet). It honours the
 * proxy settings in HTTP_PROXY / HTTPS_PROXY / NO_PROXY; the desktop shell copies the Windows
 * system proxy into those variables at start, so headless mode, the CLI and the app behave alike.
 */
let shared: Dispatcher | undefined;

export function httpDispatcher(): Dispatcher {
  shared ??= new EnvHttpProxyAgent();
  return shared;
}
