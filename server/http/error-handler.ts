import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ApiErrorBody, FieldProblem } from '../../common/api-error';
import {
  AppError,
  PG_FOREIGN_KEY_VIOLATION,
  PG_UNIQUE_VIOLATION,
  postgresErrorCode,
} from '../lib/errors';

/** Fastify's own 4xx errors, mapped to our stable codes and plain messages. */
const FASTIFY_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'payload_too_large',
    message: 'The request body is larger than this server accepts.',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'unsupported_media_type',
    message: 'This endpoint does not accept that Content-Type.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'invalid_json',
    message: 'The body is empty but Content-Type says JSON.',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'invalid_json',
    message: 'The body is not valid JSON.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'bad_request',
    message: 'Content-Length does not match the body.',
  },
};

/** Connection-level failures: the database is away, not the request wrong. */
function isDatabaseUnavailable(error: unknown): boolean {
  const code = postgresErrorCode(error);
  if (code && (code.startsWith('08') || code === '57P01' || code === '57P03')) return true;
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const sys = (current as { code?: unknown }).code;
    if (sys === 'ECONNREFUSED' || sys === 'ECONNRESET' || sys === 'ETIMEDOUT') return true;
    current = (current as { cause?: unknown }).cause;
  }
  // A server that accepts no connection in time (node-postgres' connect timeout).
  return hasMessage(error, [
    'Connection terminated due to connection timeout',
    'Connection terminated unexpectedly',
  ]);
}

/** The errors (or their causes) whose message is one of these, as node-postgres words them. */
function hasMessage(error: unknown, messages: readonly string[]): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const message = (current as { message?: unknown }).message;
    if (typeof message === 'string' && messages.includes(message)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Overload, not failure: every pooled connection stayed busy past the pool's wait (pg-pool's
 * words), or a statement ran into the statement timeout (57014). The honest answer is 503 with
 * Retry-After, so clients and proxies back off instead of reporting a bug.
 */
function isDatabaseBusy(error: unknown): boolean {
  return (
    postgresErrorCode(error) === '57014' ||
    hasMessage(error, ['timeout exceeded when trying to connect'])
  );
}

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const location = (error as { validationContext?: string }).validationContext ?? 'body';
    const fields: FieldProblem[] = error.validation.flatMap((v) => {
      const base = [location, ...v.instancePath.split('/').filter(Boolean)];
      const unknownKeys = (v.params as { keys?: unknown }).keys;
      // Name each unexpected field itself, so a client sees exactly what to remove.
      if (v.keyword === 'unrecognized_keys' && Array.isArray(unknownKeys)) {
        return unknownKeys.map((key) => ({
          path: [...base, String(key)].join('.'),
          message: 'is not a field this endpoint accepts',
        }));
      }
      return [{ path: base.join('.'), message: v.message ?? 'is invalid' }];
    });
    return new AppError('validation_failed', 400, 'Some fields are missing or invalid.', {
      fields,
    });
  }
  const fastifyError = error as Partial<FastifyError>;
  const known = fastifyError.code ? FASTIFY_ERRORS[fastifyError.code] : undefined;
  if (known) return new AppError(known.code, known.status, known.message);
  const pgCode = postgresErrorCode(error);
  if (pgCode === PG_UNIQUE_VIOLATION) {
    return new AppError('conflict', 409, 'That already exists.');
  }
  if (pgCode === PG_FOREIGN_KEY_VIOLATION) {
    return new AppError('conflict', 409, 'That refers to something that does not exist.');
  }
  if (isDatabaseBusy(error)) {
    return new AppError(
      'database_busy',
      503,
      'The server is too busy to answer right now. Try again in a few seconds.',
    );
  }
  if (isDatabaseUnavailable(error)) {
    return new AppError(
      'database_unavailable',
      503,
      'The database is not reachable right now. Try again in a few seconds.',
    );
  }
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new AppError(
      status === 404 ? 'not_found' : 'bad_request',
      status,
      fastifyError.message ?? 'Bad request.',
    );
  }
  return new AppError(
    'internal_error',
    500,
    'Something went wrong on our side. It has been logged.',
  );
}

export function errorBody(error: AppError, requestId: string): ApiErrorBody {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.details === undefined ? {} : { details: error.details }),
      requestId,
    },
  };
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const appError = toAppError(error);
    if (appError.statusCode >= 500) {
      request.log.error({ err: error }, 'request failed');
    } else {
      request.log.info({ code: appError.code }, 'request rejected');
    }
    if (appError.statusCode === 503) void reply.header('retry-after', '5');
    return reply.status(appError.statusCode).send(errorBody(appError, request.id));
  });
}
