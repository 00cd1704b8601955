import { HeraldError } from '../../shared/errors.js';

/**
 * Metabase addresses. The office may paste a page address (`http://host:3000/question/2003`) where
 * a server or a card is wanted; v1 (HEAD) turned `/question/N` into `/api/card/N/query`, and Herald
 * accepts the same forms.
 */

const PAGE_SUFFIX = /\/(?:question|api|dashboard|collection|browse|model)(?:\/.*)?$/;

/**
 * The server's base address: http(s) only, no user name or password in it, no trailing slash, and
 * any page path (`/question/2003…`) cut off so that a Metabase under a sub-path keeps its prefix.
 */
export function normaliseServerUrl(input: string): string {
  const text = input.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new HeraldError('SOURCE_URL_INVALID', `"${text}" is not a web address; enter the Metabase address, e.g. http://metabase.example:3000.`, { url: text });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new HeraldError('SOURCE_URL_INVALID', `The Metabase address must start with http:// or https:// (got ${url.protocol}).`, { url: text });
  }
  if (url.username || url.password) {
    throw new HeraldError('SOURCE_URL_INVALID', 'Put the Metabase user name and password in their own fields, not in the address.', { url: `${url.protocol}//${url.host}` });
  }
  const pathname = url.pathname.replace(PAGE_SUFFIX, '').replace(/\/+$/, '');
  return `${url.protocol}//${url.host}${pathname}`;
}

/** `{base}/api/session/` — with v1's trailing slash. */
export function sessionUrl(base: string): string {
  return `${base}/api/session/`;
}

export function cardQueryUrl(base: string, cardId: number): string {
  return `${base}/api/card/${cardId}/query`;
}

/**
 * A card id from what a person or a v1 `.env` gives: `2003`, `/question/2003`,
 * `http://host:3000/question/2003-some-title`, `…/api/card/2003/query`. Undefined when none.
 */
export function cardIdFromReference(reference: string | number): number | undefined {
  if (typeof reference === 'number') return Number.isSafeInteger(reference) && reference > 0 ? reference : undefined;
  const text = reference.trim();
  const m = /^(\d+)$/.exec(text) ?? /\/question\/(\d+)(?:[-/?#]|$)/.exec(text) ?? /\/api\/card\/(\d+)(?:\/|$)/.exec(text);
  const id = m ? Number(m[1]) : NaN;
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}
