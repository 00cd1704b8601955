import { describe, expect, it } from 'vitest';
import { cardIdFromReference, cardQueryUrl, normaliseServerUrl, sessionUrl } from '../../../../main/sources/metabase/url.js';
import { HeraldError } from '../../../../main/shared/errors.js';

describe('Metabase addresses', () => {
  it('reduces what the office pastes to the server address', () => {
    expect(normaliseServerUrl(' http://mb.example:3000/ ')).toBe('http://mb.example:3000');
    expect(normaliseServerUrl('http://mb.example:3000/question/2003')).toBe('http://mb.example:3000');
    expect(normaliseServerUrl('https://bi.example/metabase/question/2003-bj-sign?x=1')).toBe('https://bi.example/metabase');
    expect(normaliseServerUrl('http://mb.example:3000/api/card/1514/query')).toBe('http://mb.example:3000');
  });

  it('refuses other schemes and credentials in the address', () => {
    for (const bad of ['ftp://mb.example', 'mb.example:3000', 'http://user:pw@mb.example']) {
      expect(() => normaliseServerUrl(bad)).toThrow(HeraldError);
    }
    try {
      normaliseServerUrl('http://user:hunter2@mb.example');
    } catch (err) {
      expect((err as HeraldError).message).not.toContain('hunter2');
      expect((err as HeraldError).context.url).toBe('http://mb.example');
    }
  });

  it('builds v1\'s endpoints: the session with its trailing slash, the card query', () => {
    expect(sessionUrl('http://mb:3000')).toBe('http://mb:3000/api/session/');
    expect(cardQueryUrl('http://mb:3000', 2003)).toBe('http://mb:3000/api/card/2003/query');
  });

  it('takes a card id from a number, a page address (/question/N, spec §2.1) or an API address', () => {
    expect(cardIdFromReference(2003)).toBe(2003);
    expect(cardIdFromReference('1514')).toBe(1514);
    expect(cardIdFromReference('http://host:3000/question/2003')).toBe(2003);
    expect(cardIdFromReference('http://host:3000/question/2084-bj-performance')).toBe(2084);
    expect(cardIdFromReference('http://host:3000/api/card/2085/query')).toBe(2085);
    expect(cardIdFromReference('http://host:3000/dashboard/12')).toBeUndefined();
    expect(cardIdFromReference(0)).toBeUndefined();
  });
});
