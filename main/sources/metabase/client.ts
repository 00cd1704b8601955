import type { Dispatcher } from 'undici';
import { maskSecret } from '../../db/secrets.js';
import { httpDispatcher } from '../../core/http-agent.js';
import { createLogger, type Logger } from '../../logging/logger.js';
import { HeraldError, isHeraldError } from '../../shared/errors.js';
import type { Clock } from '../../shared/clock.js';
import type { CardResult, MetabaseClient } from '../types.js';
import { toCardResult, isObject } from '../card-result.js';
import { parseJson } from '../json.js';
import { capitalise } from '../source-ref.js';
import { postToMetabase, type PostResult } from './http.js';
import { SESSION_MAX_AGE_MS, type SessionStore } from './session.js';
import { cardQueryUrl, sessionUrl } from './url.js';

/** Where and as whom to query; read again for every query, so a settings change applies at once. */
export interface MetabaseConnection {
  url: string;
  username: string;
  password: string;
  timeoutMs: number;
}

export interface MetabaseHttpClientOptions {
  connection: () => MetabaseConnection;
  sessions: SessionStore;
  clock: Clock;
  /** Card id of a job or campaign variant (Settings → Data sources). */
  cardId?: (key: string) => number;
  dispatcher?: Dispatcher;
  log?: Logger;
}

export interface QueryOptions {
  signal?: AbortSignal;
}

/**
 * The Metabase API as v1 used it (spec §2.1): log in with `POST /api/session/`, keep the session
 * with its login time and reuse it for 14 days; run a card with `POST /api/card/{id}/query` and the
 * `X-Metabase-Session` header; 200 and 202 are success. When a query gives nothing usable — any
 * other status (401 when the session expired early), a timeout, an unreadable answer — log in again
 * and retry once, as v1 did from 2025-08-29; the retry's failure is the run's error.
 */
export class MetabaseHttpClient implements MetabaseClient {
  private readonly log: Logger;
  private readonly dispatcher: Dispatcher;
  private pendingLogin: { key: string; promise: Promise<string> } | undefined;

  constructor(private readonly options: MetabaseHttpClientOptions) {
    this.log = options.log ?? createLogger('sources.metabase');
    this.dispatcher = options.dispatcher ?? httpDispatcher();
  }

  cardId(key: string): number {
    if (!this.options.cardId) throw new HeraldError('SOURCE_CARD_UNKNOWN', `No card is configured for "${key}".`, { key });
    return this.options.cardId(key);
  }

  async queryCard(cardId: number, options: QueryOptions = {}): Promise<CardResult> {
    const conn = this.options.connection();
    const stored = this.options.sessions.load(conn.url, conn.username);
    const fresh = stored && this.options.clock.now() - stored.loggedInAtMs < SESSION_MAX_AGE_MS ? stored.token : undefined;
    const token = fresh ?? (await this.login(options.signal));
    try {
      return await this.runCard(conn, token, cardId, options.signal);
    } catch (err) {
      if (!isHeraldError(err) || err.code === 'SOURCE_ABORTED') throw err;
      this.log.warn('Metabase query gave nothing usable; logging in again and retrying once', { card: cardId, server: conn.url, code: err.code, reason: err.message });
      this.options.sessions.clear();
      const again = await this.login(options.signal);
      return await this.runCard(conn, again, cardId, options.signal);
    }
  }

  /** A new session, stored with its login time. Concurrent callers share one login. */
  async login(signal?: AbortSignal): Promise<string> {
    const conn = this.options.connection();
    const key = `${conn.url}\n${conn.username}`;
    if (this.pendingLogin?.key === key) return this.pendingLogin.promise;
    const promise = this.doLogin(conn, signal).finally(() => {
      if (this.pendingLogin?.promise === promise) this.pendingLogin = undefined;
    });
    this.pendingLogin = { key, promise };
    return promise;
  }

  private async doLogin(conn: MetabaseConnection, signal: AbortSignal | undefined): Promise<string> {
    const context = { server: conn.url, username: conn.username };
    const started = this.options.clock.now();
    const res = await postToMetabase({
      url: sessionUrl(conn.url),
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: conn.username, password: conn.password }),
      timeoutMs: conn.timeoutMs,
      ...(signal ? { signal } : {}),
      dispatcher: this.dispatcher,
      purpose: 'log in',
      server: conn.url,
      context,
    });
    if (res.status === 400 || res.status === 401 || res.status === 403) {
      throw new HeraldError('SOURCE_AUTH_FAILED', `Metabase at ${conn.url} refused the login of user "${conn.username}" (HTTP ${res.status}); check the user name and password in Settings → Data sources.`, { ...context, status: res.status });
    }
    if (res.status < 200 || res.status > 299) {
      throw new HeraldError('SOURCE_HTTP_ERROR', `Metabase at ${conn.url} answered the login with HTTP ${res.status}.`, { ...context, status: res.status });
    }
    const body = this.readJson(res, () => `the login answer of Metabase at ${conn.url}`, context);
    const token = isObject(body) && typeof body.id === 'string' && body.id ? body.id : undefined;
    if (!token) throw new HeraldError('SOURCE_BAD_RESPONSE', `Metabase at ${conn.url} answered the login without a session id.`, context);
    this.options.sessions.save(conn.url, conn.username, { token, loggedInAtMs: this.options.clock.now() });
    this.log.info('Logged in to Metabase', { ...context, session: maskSecret(token), ms: this.options.clock.now() - started });
    return token;
  }

  private async runCard(conn: MetabaseConnection, token: string, cardId: number, signal: AbortSignal | undefined): Promise<CardResult> {
    const context = { card: cardId, server: conn.url };
    const started = Date.now();
    const res = await postToMetabase({
      url: cardQueryUrl(conn.url, cardId),
      headers: { 'X-Metabase-Session': token, 'Content-Type': 'application/json' },
      timeoutMs: conn.timeoutMs,
      ...(signal ? { signal } : {}),
      dispatcher: this.dispatcher,
      purpose: `run card ${cardId}`,
      server: conn.url,
      context,
    });
    if (res.status === 401 || res.status === 403) {
      throw new HeraldError('SOURCE_AUTH_FAILED', `Metabase at ${conn.url} refused the session for card ${cardId} (HTTP ${res.status}).`, { ...context, status: res.status });
    }
    if (res.status === 404) {
      throw new HeraldError('SOURCE_CARD_NOT_FOUND', `Metabase at ${conn.url} has no card ${cardId} (HTTP 404); check the card id in Settings → Data sources.`, { ...context, status: 404 });
    }
    if (res.status !== 200 && res.status !== 202) {
      throw new HeraldError('SOURCE_HTTP_ERROR', `Metabase at ${conn.url} answered card ${cardId} with HTTP ${res.status}.`, { ...context, status: res.status });
    }
    const body = this.readJson(res, () => `the answer of Metabase at ${conn.url} for card ${cardId}`, context);
    // Metabase reports a query that failed in the database as 202 with status "failed".
    if (isObject(body) && body.status === 'failed') {
      const reason = typeof body.error === 'string' ? body.error.slice(0, 300) : 'no reason given';
      throw new HeraldError('SOURCE_QUERY_FAILED', `Card ${cardId} failed inside Metabase at ${conn.url}: ${reason}`, context);
    }
    const result: CardResult = { ...toCardResult(body, context), source: { card: cardId, server: conn.url } };
    this.log.info('Metabase card fetched', { ...context, status: res.status, rows: result.rows.length, columns: result.cols.length, ms: Date.now() - started });
    return result;
  }

  private readJson(res: PostResult, what: () => string, context: Record<string, string | number>): unknown {
    try {
      return parseJson(res.text, {});
    } catch {
      const start = res.text.slice(0, 60).replace(/\s+/g, ' ');
      throw new HeraldError('SOURCE_BAD_RESPONSE', `${capitalise(what())} is not JSON (HTTP ${res.status}${res.contentType ? `, ${res.contentType}` : ''}, begins "${start}").`, { ...context, status: res.status });
    }
  }
}
