/**
 * The one error type services throw. `code` is stable and documented; `message` is for people.
 * Anything that is not an AppError becomes a 500 `internal_error` with no internals exposed.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly statusCode: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (
  what: string,
  code = `${what.toLowerCase().replace(/\s+/g, '_')}_not_found`,
) => new AppError(code, 404, `${what} not found.`);

export const forbidden = (message = 'You do not have permission to do that.') =>
  new AppError('forbidden', 403, message);

export const conflict = (message: string, details?: unknown) =>
  new AppError('conflict', 409, message, details);

export const badRequest = (code: string, message: string, details?: unknown) =>
  new AppError(code, 400, message, details);

/** PostgreSQL SQLSTATE of an error from pg, PGlite or Drizzle (which wraps the driver error as `cause`). */
export function postgresErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

export const PG_UNIQUE_VIOLATION = '23505';
export const PG_FOREIGN_KEY_VIOLATION = '23503';
