import type { Herald } from '../../core/herald.js';
import type { HandlersOf } from '../dispatcher.js';
import type { sourcesMethods, SourceSettings } from '../contract/sources.js';
import { listSourceCards, setSourceCard } from '../../sources/cards.js';
import { readMetabaseSettings, sessionInfo, writeMetabaseSettings } from '../../sources/config.js';
import { testMetabaseConnection } from '../../sources/test-connection.js';

const MASK = '********';

export function sourcesHandlers(herald: Herald): HandlersOf<typeof sourcesMethods> {
  const view = (): SourceSettings => {
    const s = readMetabaseSettings(herald.db);
    return { url: s.url, username: s.username, password: s.passwordSet ? MASK : '', passwordSet: s.passwordSet, timeoutMs: s.timeoutMs, session: sessionInfo(herald.db, herald.clock.now()) };
  };
  return {
    'sources.get': view,
    'sources.set': (patch) => {
      writeMetabaseSettings(herald.db, herald.secrets, patch);
      herald.log.info('Data source settings changed', { fields: Object.keys(patch).join(', ') });
      herald.events.invalidate('sources');
      return view();
    },
    'sources.test': (input) => testMetabaseConnection(herald.db, herald.secrets, input),
    'sources.cards.list': () => ({ cards: listSourceCards(herald.db) }),
    'sources.cards.set': ({ key, cardId }) => {
      setSourceCard(herald.db, key, cardId);
      herald.log.info('Source card changed', { key, card: cardId });
      herald.events.invalidate('sources');
      return { cards: listSourceCards(herald.db) };
    },
  };
}
