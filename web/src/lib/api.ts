/**
 * A small fetch wrapper for the Ringside REST API.
 *
 * The server answers every error as `{ error: { code, message, details?, requestId } }`;
 * that body becomes an {@link ApiError}. Failures that never reached the server
 * (network down, server not started, dev proxy with no upstream) become an
 * ApiError too, with a code the UI can recognise.
 */

import type { ApiErrorBody } from '../../../common/api-error';

export type { ApiErrorBody };

export class ApiError extends Error {
  override readonly name = 'ApiError';
  /** Machine-readable code from the server, e.g. `battlecard_not_found`; or one of the client codes below. */
  readonly code: string;
  /** HTTP status; 0 when no response arrived at all. */
  readonly status: number;
  readonly requestId: string | undefined;
  readonly details: unknown;

  constructor(init: {
    code: string;
    message: string;
    status: number;
    requestId?: string | undefined;
    details?: unknown;
    cause?: unknown;
  }) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.status = init.status;
    this.requestId = init.requestId;
    this.details = init.details;
  }

  /** True when the request never got an answer from the Ringside server. */
  get isUnreachable(): boolean {
    return (
      this.code === CLIENT_ERROR_CODES.network ||
      (this.code === CLIENT_ERROR_CODES.unexpectedResponse && this.status >= 500)
    );
  }
}

export const CLIENT_ERROR_CODES = {
  /** fetch itself failed: nothing answered. */
  network: 'network_error',
  /** Something answered, but not with the server's JSON (a proxy, a gateway, an HTML page). */
  unexpectedResponse: 'unexpected_response',
} as const;

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = value.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

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
}

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

export async function apiRequest<T>(path: string, options: ApiRequestOptions = {}): Promise<T> {
  const { body, query, acceptStatus, headers, ...init } = options;
  const requestHeaders = new Headers(headers);
  requestHeaders.set('accept', 'application/json');
  if (body !== undefined) requestHeaders.set('content-type', 'application/json');

  let response: Response;
  try {
    response = await fetch(buildUrl(path, query), {
      credentials: 'same-origin',
      ...init,
      headers: requestHeaders,
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({
      code: CLIENT_ERROR_CODES.network,
      message: 'The server did not answer.',
      status: 0,
      cause,
    });
  }

  if (response.status === 204) return undefined as T;
  const payload = await readJson(response);

  if (isApiErrorBody(payload)) throw errorFromBody(payload, response.status);
  if (payload === undefined) throw unexpected(response);
  if (response.ok || acceptStatus?.includes(response.status)) return payload as T;
  throw unexpected(response);
}

function errorFromBody(body: ApiErrorBody, status: number): ApiError {
  return new ApiError({
    code: body.error.code,
    message: body.error.message,
    status,
    requestId: body.error.requestId,
    details: body.error.details,
  });
}

function unexpected(response: Response): ApiError {
  return new ApiError({
    code: CLIENT_ERROR_CODES.unexpectedResponse,
    message: `Unexpected response from the server (HTTP ${response.status}).`,
    status: response.status,
  });
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
