import type { Herald, Service } from '../core/herald.js';
import { listSourceCards } from './cards.js';
import { readMetabaseSettings, sessionInfo } from './config.js';

/** Contributes the data-source settings to the diagnostics zip: no password, no session token. */
export function sourcesService(herald: Herald): Service {
  return {
    name: 'sources',
    start() {
      herald.diagnosticsSections.set('sources', () => ({
        metabase: readMetabaseSettings(herald.db),
        session: sessionInfo(herald.db, herald.clock.now()),
        customCards: listSourceCards(herald.db).filter((c) => c.custom),
      }));
    },
    stop() {
      herald.diagnosticsSections.delete('sources');
    },
  };
}
