/** Why a fetch was refused or failed; stable codes the API and the UI show as they are. */
export const SAFE_FETCH_ERROR_CODES = [
  'invalid_url',
  'unsupported_protocol',
  'blocked_address',
  'dns_failed',
  'too_many_redirects',
  'timeout',
  'too_large',
  'unsupported_content_type',
  'http_status',
  'network',
] as const;
export type SafeFetchErrorCode = (typeof SAFE_FETCH_ERROR_CODES)[number];

export class SafeFetchError extends Error {
  override readonly name = 'SafeFetchError';
  constructor(
    readonly code: SafeFetchErrorCode,
    message: string,
    /** The HTTP status, for `http_status`. */
    readonly status?: number,
  ) {
    super(message);
  }
}

/** The SafeFetchError somewhere in `err`'s cause chain (undici wraps connector errors). */
export function findSafeFetchError(err: unknown): SafeFetchError | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 6; depth++) {
    if (e instanceof SafeFetchError) return e;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}
