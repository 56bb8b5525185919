/**
 * The fetch wrapper for the Ringside REST API, and the browser side of the session.
 *
 * The server answers every error as `{ error: { code, message, details?, requestId } }`;
 * that body becomes an ApiError (api-error.ts). Failures that never reached the server
 * (network down, server not started, dev proxy with no upstream) become an
 * ApiError too, with a code the UI can recognise.
 *
 * Session: the access token lives in memory only (this module), never in storage a script
 * could read later. The refresh token is an HttpOnly cookie the server sets; when a call
 * answers 401 the client refreshes once — one request shared by every caller waiting — and
 * retries. When the refresh is refused the session has ended and listeners are told.
 */

import { ApiError, CLIENT_ERROR_CODES, isApiErrorBody } from './api-error';

// ---------------------------------------------------------------------------------------------
// Session state

/** Why the session ended, as told to {@link onSessionEnded} listeners. */
export type SessionEndReason = 'expired';

let accessToken: string | null = null;
/** When the access token stops working (ms since epoch); 0 when unknown. */
let accessTokenExpiresAt = 0;
let refreshInFlight: Promise<boolean> | null = null;
const endedListeners = new Set<(reason: SessionEndReason) => void>();

/**
 * A non-secret marker that this browser probably holds a refresh cookie, so a fresh page load
 * only tries a silent refresh when there is something to refresh (a refresh without a cookie
 * answers 401, which the browser reports as an error in the console).
 */
const SESSION_HINT_KEY = 'ringside.session';

function writeHint(present: boolean): void {
  try {
    if (present) window.localStorage.setItem(SESSION_HINT_KEY, '1');
    else window.localStorage.removeItem(SESSION_HINT_KEY);
  } catch {
    // Storage may be disabled; the hint is only an optimisation.
  }
}

export const session = {
  /** Adopt a new access token (from sign-in, sign-up, refresh, workspace switch). */
  start(token: string, expiresInSeconds: number): void {
    accessToken = token;
    accessTokenExpiresAt = Date.now() + expiresInSeconds * 1000;
    writeHint(true);
  },
  /** Forget the access token (sign-out); the server clears the cookie. */
  clear(): void {
    accessToken = null;
    accessTokenExpiresAt = 0;
    writeHint(false);
  },
  get hasToken(): boolean {
    return accessToken !== null;
  },
  /** Whether a silent refresh on page load is worth trying. */
  probablyHasCookie(): boolean {
    try {
      return window.localStorage.getItem(SESSION_HINT_KEY) === '1';
    } catch {
      return true;
    }
  },
};

/** Called when a refresh is refused: the session is over and the caller should sign in again. */
export function onSessionEnded(listener: (reason: SessionEndReason) => void): () => void {
  endedListeners.add(listener);
  return () => endedListeners.delete(listener);
}

function endSession(reason: SessionEndReason): void {
  session.clear();
  for (const listener of endedListeners) listener(reason);
}

/**
 * Exchanges the refresh cookie for a new access token. Concurrent callers share one request;
 * across tabs a Web Lock keeps two refreshes from presenting the same (rotating) cookie.
 * Resolves false when the server refuses the cookie; rejects with a network ApiError when
 * nothing answered (the session may well still be valid).
 */
export function refreshSession(): Promise<boolean> {
  refreshInFlight ??= lockedRefresh().finally(() => {
    refreshInFlight = null;
  });
  return refreshInFlight;
}

async function lockedRefresh(): Promise<boolean> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return postRefresh();
  return locks.request('ringside-auth-refresh', postRefresh);
}

async function postRefresh(): Promise<boolean> {
  // Never retried on a network error: the server may have rotated the cookie already, and
  // presenting the old one again looks like theft and ends every session of the account.
  const { response, payload } = await send('/api/v1/auth/refresh', {
    method: 'POST',
    headers: new Headers({ accept: 'application/json' }),
    credentials: 'same-origin',
  });
  if (response.ok && isRefreshBody(payload)) {
    session.start(payload.accessToken, payload.expiresIn);
    return true;
  }
  if (response.status === 401 || response.status === 403) {
    session.clear();
    return false;
  }
  throw toError(response, payload);
}

/**
 * A usable access token for a connection that cannot retry on 401 by itself (the live
 * WebSocket): refreshed first when it is about to expire, or when `force` (the server said it
 * expired). Null when signed out or the refresh was refused (the session has ended); rejects
 * with a network ApiError when the server did not answer.
 */
export async function currentAccessToken(force = false): Promise<string | null> {
  if (!accessToken) return null;
  if (force || Date.now() > accessTokenExpiresAt - EXPIRY_MARGIN_MS) {
    // Concurrent callers (API requests, other tabs via the Web Lock) share one refresh.
    const refreshed = await refreshSession();
    if (!refreshed) {
      endSession('expired');
      return null;
    }
  }
  return accessToken;
}

function isRefreshBody(value: unknown): value is { accessToken: string; expiresIn: number } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { accessToken?: unknown }).accessToken === 'string' &&
    typeof (value as { expiresIn?: unknown }).expiresIn === 'number'
  );
}

// ---------------------------------------------------------------------------------------------
// Requests

type QueryValue = string | number | boolean | null | undefined;

export interface ApiRequestOptions extends Omit<RequestInit, 'body'> {
  /** Sent as JSON. */
  body?: unknown;
  query?: Record<string, QueryValue>;
  /**
   * Non-2xx statuses whose body is still the expected payload, e.g. 503 from
   * `/health/detailed` carries the health report of an unhealthy server.
   */
  acceptStatus?: readonly number[];
  /**
   * Whether a 401 means "the access token expired": refresh and retry. Defaults to true except
   * for the endpoints that check a password or a cookie themselves (sign-in, sign-up, refresh,
   * sign-out, invite preview and acceptance).
   */
  refreshOnUnauthorized?: boolean;
  /** Resolve with the Response itself on success (a file download), instead of its JSON. */
  raw?: boolean;
}

/** Endpoints whose 401 is the answer itself, not an expired access token. */
const NO_REFRESH_PATHS = new Set([
  '/api/v1/auth/login',
  '/api/v1/auth/register',
  '/api/v1/auth/refresh',
  '/api/v1/auth/logout',
  '/api/v1/invites/preview',
  '/api/v1/invites/accept',
]);

/** Methods safe to send twice, so a network failure can be retried. */
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
const NETWORK_ATTEMPTS = 3;
const NETWORK_BACKOFF_MS = 300;
/** Refresh a little before the access token expires rather than collect a 401 first. */
const EXPIRY_MARGIN_MS = 10_000;

function buildUrl(path: string, query: Record<string, QueryValue> | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null) params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}${path.includes('?') ? '&' : '?'}${search}` : path;
}

async function readJson(response: Response): Promise<unknown> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined;
  try {
    return (await response.json()) as unknown;
  } catch {
    return undefined;
  }
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

function sleep(ms: number, signal: AbortSignal | null | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    function onAbort() {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    }
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** One fetch, optionally retried on network failure with exponential backoff. */
async function send(
  url: string,
  init: RequestInit,
  attempts = 1,
): Promise<{ response: Response; payload: unknown }> {
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetch(url, init);
      const payload = response.status === 204 ? undefined : await readJson(response);
      return { response, payload };
    } catch (cause) {
      if (isAbort(cause) || init.signal?.aborted) throw cause;
      if (attempt >= attempts) {
        throw new ApiError({
          code: CLIENT_ERROR_CODES.network,
          message: 'The server did not answer.',
          status: 0,
          cause,
        });
      }
      await sleep(NETWORK_BACKOFF_MS * 2 ** (attempt - 1), init.signal);
    }
  }
}

function retryAfter(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function toError(response: Response, payload: unknown): ApiError {
  if (isApiErrorBody(payload)) {
    return new ApiError({
      code: payload.error.code,
      message: payload.error.message,
      status: response.status,
      requestId: payload.error.requestId,
      details: payload.error.details,
      retryAfterSeconds: response.status === 429 ? retryAfter(response) : undefined,
    });
  }
  return new ApiError({
    code: CLIENT_ERROR_CODES.unexpectedResponse,
    message: `Unexpected response from the server (HTTP ${response.status}).`,
    status: response.status,
  });
}

export async function apiRequest<T>(path: string, options: ApiRequestOptions = {}): Promise<T> {
  const { body, query, acceptStatus, headers, refreshOnUnauthorized, raw, ...init } = options;
  const method = (init.method ?? 'GET').toUpperCase();
  const url = buildUrl(path, query);
  const canRefresh = refreshOnUnauthorized ?? !NO_REFRESH_PATHS.has(path);
  const attempts = IDEMPOTENT_METHODS.has(method) ? NETWORK_ATTEMPTS : 1;

  const attempt = (token: string | null) => {
    const requestHeaders = new Headers(headers);
    requestHeaders.set('accept', 'application/json');
    if (body !== undefined) requestHeaders.set('content-type', 'application/json');
    if (token) requestHeaders.set('authorization', `Bearer ${token}`);
    return send(
      url,
      {
        ...init,
        method,
        credentials: 'same-origin',
        headers: requestHeaders,
        body: body === undefined ? null : JSON.stringify(body),
      },
      attempts,
    );
  };

  if (canRefresh && accessToken && Date.now() > accessTokenExpiresAt - EXPIRY_MARGIN_MS) {
    // About to expire: refresh first rather than collect a 401. A network failure here is
    // left to the request itself to discover.
    const refreshed = await refreshSession().catch(() => true);
    if (!refreshed) {
      endSession('expired');
      throw new ApiError({
        code: 'session_expired',
        message: 'Your session has ended. Sign in again.',
        status: 401,
      });
    }
  }

  const tokenUsed = accessToken;
  let { response, payload } = await attempt(tokenUsed);

  // A wrong password (e.g. the current one when changing it) is an answer, not an expired token.
  const wrongPassword = isApiErrorBody(payload) && payload.error.code === 'invalid_credentials';
  if (response.status === 401 && canRefresh && !wrongPassword) {
    // Someone else may have refreshed while this request was in flight; otherwise refresh now.
    const refreshed =
      accessToken !== null && accessToken !== tokenUsed ? true : await refreshSession();
    if (!refreshed) {
      endSession('expired');
      throw toError(response, payload);
    }
    ({ response, payload } = await attempt(accessToken));
  }

  if (response.status === 204) return undefined as T;
  if (isApiErrorBody(payload)) throw toError(response, payload);
  if (raw && response.ok) return response as T;
  if (payload === undefined) throw toError(response, payload);
  if (response.ok || acceptStatus?.includes(response.status)) return payload as T;
  throw toError(response, payload);
}

/**
 * The access token for requests made outside `apiRequest` (an upload through XMLHttpRequest,
 * for its progress events; a download as a blob), refreshed first when about to expire.
 */
export async function freshAccessToken(): Promise<string | null> {
  if (accessToken && Date.now() > accessTokenExpiresAt - EXPIRY_MARGIN_MS) {
    await refreshSession().catch(() => false);
  }
  return accessToken;
}

export const api = {
  get: <T>(path: string, options?: Omit<ApiRequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'GET' }),
  post: <T>(path: string, body?: unknown, options?: Omit<ApiRequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'POST', body }),
  patch: <T>(path: string, body?: unknown, options?: Omit<ApiRequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'PATCH', body }),
  put: <T>(path: string, body?: unknown, options?: Omit<ApiRequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'PUT', body }),
  delete: <T>(path: string, options?: Omit<ApiRequestOptions, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'DELETE' }),
};
