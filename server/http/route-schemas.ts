import type { FastifySchema } from 'fastify';
import { z } from 'zod';
import { ApiErrorSchema } from '../../common/api-error';

/** The error statuses our routes answer with, each with the ApiError body. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422;

/** The error part of a route's `response`, e.g. `errorResponses(400, 401, 403, 404)`. */
export function errorResponses<S extends ErrorStatus>(
  ...statuses: S[]
): Record<S, typeof ApiErrorSchema> {
  return Object.fromEntries(statuses.map((status) => [status, ApiErrorSchema])) as Record<
    S,
    typeof ApiErrorSchema
  >;
}

/** `/:id` of one row; a malformed id is a 400 on `params.id`. */
export const IdParamsSchema = z.object({ id: z.uuid() });

/** A session token or an API key, as OpenAPI shows it. */
export const bearerSecurity = [{ bearerAuth: [] }];

/**
 * The options of a route for signed-in members of a workspace: the declared access and its
 * security, around the route's own schema (tags, summary, params, body, response).
 */
export function memberRoute<S extends FastifySchema>(schema: S) {
  return {
    config: { access: 'member' as const },
    schema: { ...schema, security: bearerSecurity },
  };
}
