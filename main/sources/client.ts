import type { Herald } from '../core/herald.js';
import { createLogger } from '../logging/logger.js';
import type { MetabaseClient } from './types.js';
import { sourceCardId } from './cards.js';
import { metabaseConnection } from './config.js';
import { MetabaseHttpClient } from './metabase/client.js';
import { databaseSessionStore } from './metabase/session.js';

const clients = new WeakMap<Herald, MetabaseHttpClient>();

/**
 * The MetabaseClient the runner puts into `FetchContext.metabase`: Settings → Data sources for the
 * server and account (read at every query), the session in the database, Herald's clock for the
 * session's age, the proxy-aware dispatcher. One per Herald, so concurrent runs share one login.
 */
export function createMetabaseClient(herald: Herald): MetabaseClient {
  let client = clients.get(herald);
  if (!client) {
    client = new MetabaseHttpClient({
      connection: () => metabaseConnection(herald.db, herald.secrets),
      sessions: databaseSessionStore(() => herald.db, () => herald.secrets, createLogger('sources.metabase')),
      clock: herald.clock,
      cardId: (key) => sourceCardId(herald.db, key),
    });
    clients.set(herald, client);
  }
  return client;
}
