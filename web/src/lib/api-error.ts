/**
 * The error every failed API call becomes: the server's `{ error: { code, message, details?,
 * requestId } }`, or a client code when no usable answer arrived.
 */
import type { ApiErrorBody, FieldProblem } from '../../../common/api-error';

export type { ApiErrorBody, FieldProblem };

export class ApiError extends Error {
  override readonly name = 'ApiError';
  /** Machine-readable code from the server, e.g. `battlecard_not_found`; or one of the client codes below. */
  readonly code: string;
  /** HTTP status; 0 when no response arrived at all. */
  readonly status: number;
  readonly requestId: string | undefined;
  readonly details: unknown;
  /** Seconds from the Retry-After header of a 429, when the server sent one. */
  readonly retryAfterSeconds: number | undefined;

  constructor(init: {
    code: string;
    message: string;
    status: number;
    requestId?: string | undefined;
    details?: unknown;
    retryAfterSeconds?: number | undefined;
    cause?: unknown;
  }) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.status = init.status;
    this.requestId = init.requestId;
    this.details = init.details;
    this.retryAfterSeconds = init.retryAfterSeconds;
  }

  /** True when the request never got an answer from the Ringside server. */
  get isUnreachable(): boolean {
    return (
      this.code === CLIENT_ERROR_CODES.network ||
      (this.code === CLIENT_ERROR_CODES.unexpectedResponse && this.status >= 500)
    );
  }

  /** The per-field problems of a `validation_failed` error, e.g. `body.email`. */
  get fieldProblems(): FieldProblem[] {
    const fields = (this.details as { fields?: unknown } | null | undefined)?.fields;
    if (!Array.isArray(fields)) return [];
    return fields.filter(
      (f): f is FieldProblem =>
        typeof f === 'object' &&
        f !== null &&
        typeof (f as { path?: unknown }).path === 'string' &&
        typeof (f as { message?: unknown }).message === 'string',
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
